package io.haina.crm.platform.security.org;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.haina.crm.platform.security.Organization;

/** A user as the organization pages and sign-in see them (no password hash). */
public record UserAccount(long id, String username, String displayName, String email, String phone, String position,
                          Long departmentId, Long managerId, UserStatus status, String locale, String timeZone,
                          OffsetDateTime createdAt, int version) {

    /** The user's time zone; the default when none was chosen or the stored id is no longer known. */
    public ZoneId zone() {
        try {
            return timeZone == null ? Organization.DEFAULT_ZONE : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return Organization.DEFAULT_ZONE;
        }
    }

    public boolean active() {
        return status == UserStatus.ACTIVE;
    }
}
