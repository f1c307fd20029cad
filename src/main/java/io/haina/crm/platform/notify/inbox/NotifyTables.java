package io.haina.crm.platform.notify.inbox;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The notifications' tables and columns, for jOOQ without code generation. */
public final class NotifyTables {

    private NotifyTables() {
    }

    public static final class Notices {
        public static final Table<Record> TABLE = table(name("notification"));
        public static final Field<Long> ID = field(name("notification", "id"), Long.class);
        public static final Field<Long> USER_ID = field(name("notification", "user_id"), Long.class);
        public static final Field<String> KIND = field(name("notification", "kind"), String.class);
        public static final Field<String> MESSAGE_KEY = field(name("notification", "message_key"), String.class);
        public static final Field<String[]> ARGS = field(name("notification", "args"), String[].class);
        public static final Field<String> LINK = field(name("notification", "link"), String.class);
        public static final Field<OffsetDateTime> CREATED_AT = field(name("notification", "created_at"), OffsetDateTime.class);
        public static final Field<OffsetDateTime> READ_AT = field(name("notification", "read_at"), OffsetDateTime.class);

        private Notices() {
        }
    }

    public static final class Mails {
        public static final Table<Record> TABLE = table(name("notification_mail"));
        public static final Field<Long> ID = field(name("notification_mail", "id"), Long.class);
        public static final Field<Long> NOTIFICATION_ID = field(name("notification_mail", "notification_id"), Long.class);
        public static final Field<String> STATUS = field(name("notification_mail", "status"), String.class);
        public static final Field<Integer> ATTEMPTS = field(name("notification_mail", "attempts"), Integer.class);
        public static final Field<OffsetDateTime> NEXT_ATTEMPT_AT = field(name("notification_mail", "next_attempt_at"), OffsetDateTime.class);
        public static final Field<String> LAST_ERROR = field(name("notification_mail", "last_error"), String.class);
        public static final Field<OffsetDateTime> CREATED_AT = field(name("notification_mail", "created_at"), OffsetDateTime.class);
        public static final Field<OffsetDateTime> SENT_AT = field(name("notification_mail", "sent_at"), OffsetDateTime.class);

        private Mails() {
        }
    }
}
