package io.haina.crm.platform.audit;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.audit.AuditTables.Logins;
import io.haina.crm.platform.audit.AuditTables.Operations;
import io.haina.crm.platform.security.Permissions;

/**
 * Reads the logs, newest first, a page at a time by keyset (the id of the last line shown), so
 * that paging stays fast however long the log grows. Administrators only.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    public static final int PAGE_SIZE = 50;

    private final DSLContext db;
    private final Permissions permissions;

    AuditLog(DSLContext db, Permissions permissions) {
        this.db = db;
        this.permissions = permissions;
    }

    public List<LoginLogEntry> logins(long actorId, String username, Boolean success, Long beforeId) {
        requireAdministrator(actorId);
        Condition where = DSL.noCondition();
        if (username != null && !username.isBlank()) {
            where = where.and(DSL.lower(Logins.USERNAME).eq(username.strip().toLowerCase(java.util.Locale.ROOT)));
        }
        if (success != null) {
            where = where.and(Logins.SUCCESS.eq(success));
        }
        if (beforeId != null) {
            where = where.and(Logins.ID.lt(beforeId));
        }
        return db.select(Logins.ID, Logins.OCCURRED_AT, Logins.USERNAME, Logins.USER_ID, Logins.SUCCESS,
                        Logins.FAILURE_REASON, Logins.CHANNEL, Logins.IP, Logins.USER_AGENT)
                .from(Logins.TABLE).where(where).orderBy(Logins.ID.desc()).limit(PAGE_SIZE)
                .fetch(r -> new LoginLogEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }

    public List<OperationLogEntry> operations(long actorId, String targetType, Long beforeId) {
        requireAdministrator(actorId);
        Condition where = DSL.noCondition();
        if (targetType != null && !targetType.isBlank()) {
            where = where.and(Operations.TARGET_TYPE.eq(targetType));
        }
        if (beforeId != null) {
            where = where.and(Operations.ID.lt(beforeId));
        }
        return db.select(Operations.ID, Operations.OCCURRED_AT, Operations.ACTOR_ID, Operations.ACTOR_NAME,
                        Operations.ACTION, Operations.TARGET_TYPE, Operations.TARGET_ID, Operations.TARGET_NAME,
                        Operations.DETAILS, Operations.IP)
                .from(Operations.TABLE).where(where).orderBy(Operations.ID.desc()).limit(PAGE_SIZE)
                .fetch(r -> new OperationLogEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9() == null ? "{}" : r.value9().data(), r.value10()));
    }

    private void requireAdministrator(long actorId) {
        if (!permissions.isAdministrator(actorId)) {
            throw new org.springframework.security.access.AccessDeniedException("audit logs are for administrators");
        }
    }
}
