package io.haina.crm.platform.security.org;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The organization's tables and columns, for jOOQ without code generation. */
public final class OrgTables {

    private OrgTables() {
    }

    public static final class Departments {
        public static final Table<Record> TABLE = table(name("department"));
        public static final Field<Long> ID = field(name("department", "id"), Long.class);
        public static final Field<Long> PARENT_ID = field(name("department", "parent_id"), Long.class);
        public static final Field<String> NAME = field(name("department", "name"), String.class);
        public static final Field<Integer> SORT_ORDER = field(name("department", "sort_order"), Integer.class);
        public static final Field<OffsetDateTime> UPDATED_AT = field(name("department", "updated_at"), OffsetDateTime.class);
        public static final Field<Integer> VERSION = field(name("department", "version"), Integer.class);

        private Departments() {
        }
    }

    public static final class Users {
        public static final Table<Record> TABLE = table(name("app_user"));
        public static final Field<Long> ID = field(name("app_user", "id"), Long.class);
        public static final Field<String> USERNAME = field(name("app_user", "username"), String.class);
        public static final Field<String> DISPLAY_NAME = field(name("app_user", "display_name"), String.class);
        public static final Field<String> EMAIL = field(name("app_user", "email"), String.class);
        public static final Field<String> PHONE = field(name("app_user", "phone"), String.class);
        public static final Field<String> POSITION = field(name("app_user", "position"), String.class);
        public static final Field<Long> DEPARTMENT_ID = field(name("app_user", "department_id"), Long.class);
        public static final Field<Long> MANAGER_ID = field(name("app_user", "manager_id"), Long.class);
        public static final Field<String> STATUS = field(name("app_user", "status"), String.class);
        public static final Field<String> PASSWORD_HASH = field(name("app_user", "password_hash"), String.class);
        public static final Field<OffsetDateTime> PASSWORD_CHANGED_AT = field(name("app_user", "password_changed_at"), OffsetDateTime.class);
        public static final Field<String> LOCALE = field(name("app_user", "locale"), String.class);
        public static final Field<String> TIME_ZONE = field(name("app_user", "time_zone"), String.class);
        public static final Field<Boolean> EMAIL_NOTIFICATIONS = field(name("app_user", "email_notifications"), Boolean.class);
        public static final Field<OffsetDateTime> CREATED_AT = field(name("app_user", "created_at"), OffsetDateTime.class);
        public static final Field<OffsetDateTime> UPDATED_AT = field(name("app_user", "updated_at"), OffsetDateTime.class);
        public static final Field<Integer> VERSION = field(name("app_user", "version"), Integer.class);

        private Users() {
        }
    }

    public static final class Roles {
        public static final Table<Record> TABLE = table(name("role"));
        public static final Field<Long> ID = field(name("role", "id"), Long.class);
        public static final Field<String> CODE = field(name("role", "code"), String.class);
        public static final Field<String> NAME = field(name("role", "name"), String.class);
        public static final Field<String> DESCRIPTION = field(name("role", "description"), String.class);
        public static final Field<Boolean> ADMINISTRATOR = field(name("role", "administrator"), Boolean.class);
        public static final Field<OffsetDateTime> UPDATED_AT = field(name("role", "updated_at"), OffsetDateTime.class);
        public static final Field<Integer> VERSION = field(name("role", "version"), Integer.class);

        private Roles() {
        }
    }

    public static final class Grants {
        public static final Table<Record> TABLE = table(name("role_grant"));
        public static final Field<Long> ROLE_ID = field(name("role_grant", "role_id"), Long.class);
        public static final Field<String> OBJECT_CODE = field(name("role_grant", "object_code"), String.class);
        public static final Field<String[]> ACTIONS = field(name("role_grant", "actions"), String[].class);
        public static final Field<String> DATA_SCOPE = field(name("role_grant", "data_scope"), String.class);

        private Grants() {
        }
    }

    public static final class UserRoles {
        public static final Table<Record> TABLE = table(name("user_role"));
        public static final Field<Long> USER_ID = field(name("user_role", "user_id"), Long.class);
        public static final Field<Long> ROLE_ID = field(name("user_role", "role_id"), Long.class);

        private UserRoles() {
        }
    }
}
