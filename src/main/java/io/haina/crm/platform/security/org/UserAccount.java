package io.haina.crm.platform.security.org;

import java.time.OffsetDateTime;

/** A user as the organization pages and sign-in see them (no password hash). */
public record UserAccount(long id, String username, String displayName, String email, String phone, String position,
                          Long departmentId, Long managerId, UserStatus status, String locale, String timeZone,
                          OffsetDateTime createdAt, int version) {

    public boolean active() {
        return status == UserStatus.ACTIVE;
    }
}
