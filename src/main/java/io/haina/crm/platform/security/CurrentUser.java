package io.haina.crm.platform.security;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The signed-in user of a request, read fresh from the database (a disabled user or a changed
 * role takes effect on the next request, not at the next sign-in).
 */
public record CurrentUser(long id, String username, String displayName, Locale preferredLocale, ZoneId timeZone) {

    public Optional<Locale> locale() {
        return Optional.ofNullable(preferredLocale);
    }
}
