package io.haina.crm.platform.security;

/** Whether a user may perform an action on a kind of record (before any data scope). */
public interface Permissions {

    boolean can(long userId, String objectCode, ObjectAction action);

    /** Throws {@link org.springframework.security.access.AccessDeniedException} unless {@link #can}. */
    default void require(long userId, String objectCode, ObjectAction action) {
        if (!can(userId, objectCode, action)) {
            throw new org.springframework.security.access.AccessDeniedException(action.on(objectCode));
        }
    }

    boolean isAdministrator(long userId);
}
