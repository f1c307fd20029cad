package io.haina.crm.platform.security.org;

import java.util.Locale;

/** Only active users sign in. A resigned user's records stay, waiting to be transferred. */
public enum UserStatus {
    ACTIVE, DISABLED, RESIGNED;

    public String labelKey() {
        return "user.status." + name().toLowerCase(Locale.ROOT);
    }
}
