package io.haina.crm.platform.audit;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.haina.crm.platform.audit.AuditTables.Logins;
import io.haina.crm.platform.audit.AuditTables.Operations;
import io.haina.crm.platform.security.AdminOperation;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.LoginAttempt;
import io.haina.crm.platform.security.Organization;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the logs. Listeners run synchronously: an admin change and its log line commit or roll
 * back together, so the log never claims a change that did not happen, nor misses one that did.
 */
@Component
class AuditRecorder {

    private final DSLContext db;
    private final CurrentUsers users;
    private final Organization organization;
    private final JsonMapper json;

    AuditRecorder(DSLContext db, CurrentUsers users, Organization organization, JsonMapper json) {
        this.db = db;
        this.users = users;
        this.organization = organization;
        this.json = json;
    }

    @EventListener
    void on(LoginAttempt attempt) {
        db.insertInto(Logins.TABLE)
                .set(Logins.USERNAME, truncate(attempt.username(), 200))
                .set(Logins.USER_ID, attempt.userId())
                .set(Logins.SUCCESS, attempt.success())
                .set(Logins.FAILURE_REASON, attempt.failureReason())
                .set(Logins.CHANNEL, attempt.channel())
                .set(Logins.IP, attempt.ip())
                .set(Logins.USER_AGENT, attempt.userAgent())
                .execute();
    }

    @EventListener
    void on(AdminOperation operation) {
        String actorName = users.current().filter(u -> u.id() == operation.actorId()).map(CurrentUser::displayName)
                .or(() -> organization.displayNameOf(operation.actorId())).orElse("#" + operation.actorId());
        db.insertInto(Operations.TABLE)
                .set(Operations.ACTOR_ID, operation.actorId())
                .set(Operations.ACTOR_NAME, actorName)
                .set(Operations.ACTION, operation.action())
                .set(Operations.TARGET_TYPE, operation.targetType())
                .set(Operations.TARGET_ID, operation.targetId())
                .set(Operations.TARGET_NAME, operation.targetName())
                .set(Operations.DETAILS, JSONB.valueOf(json.writeValueAsString(operation.details())))
                .set(Operations.IP, clientIp())
                .execute();
    }

    private static String clientIp() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
