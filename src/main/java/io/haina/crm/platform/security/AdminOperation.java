package io.haina.crm.platform.security;

import java.util.Map;

/**
 * A change for the operation log: to the organization, a role, or an account's credentials
 * (password, API tokens). Published inside the change's transaction,
 * so the audit log keeps it exactly when the change is kept.
 *
 * @param actorId    who did it
 * @param action     what, e.g. {@code DEPARTMENT_CREATED}
 * @param targetType {@code department}, {@code user} or {@code role}
 * @param targetId   the changed record
 * @param targetName its name at the time
 * @param details    what changed (field → value, or before/after)
 */
public record AdminOperation(long actorId, String action, String targetType, long targetId, String targetName,
                             Map<String, Object> details) {
}
