package io.haina.crm.platform.audit;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;

import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;

final class AuditTables {

    private AuditTables() {
    }

    static final class Logins {
        static final Table<Record> TABLE = table(name("login_log"));
        static final Field<Long> ID = field(name("id"), Long.class);
        static final Field<OffsetDateTime> OCCURRED_AT = field(name("occurred_at"), OffsetDateTime.class);
        static final Field<String> USERNAME = field(name("username"), String.class);
        static final Field<Long> USER_ID = field(name("user_id"), Long.class);
        static final Field<Boolean> SUCCESS = field(name("success"), Boolean.class);
        static final Field<String> FAILURE_REASON = field(name("failure_reason"), String.class);
        static final Field<String> CHANNEL = field(name("channel"), String.class);
        static final Field<String> IP = field(name("ip"), String.class);
        static final Field<String> USER_AGENT = field(name("user_agent"), String.class);

        private Logins() {
        }
    }

    static final class Operations {
        static final Table<Record> TABLE = table(name("operation_log"));
        static final Field<Long> ID = field(name("id"), Long.class);
        static final Field<OffsetDateTime> OCCURRED_AT = field(name("occurred_at"), OffsetDateTime.class);
        static final Field<Long> ACTOR_ID = field(name("actor_id"), Long.class);
        static final Field<String> ACTOR_NAME = field(name("actor_name"), String.class);
        static final Field<String> ACTION = field(name("action"), String.class);
        static final Field<String> TARGET_TYPE = field(name("target_type"), String.class);
        static final Field<Long> TARGET_ID = field(name("target_id"), Long.class);
        static final Field<String> TARGET_NAME = field(name("target_name"), String.class);
        static final Field<JSONB> DETAILS = field(name("details"), JSONB.class);
        static final Field<String> IP = field(name("ip"), String.class);

        private Operations() {
        }
    }
}
