package io.haina.crm.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * How to reach a user with a message of their own: their e-mail address, the language they chose,
 * and whether they want notifications by e-mail as well as in the app.
 *
 * @param email              the address, or {@code null} when the user has none
 * @param preferredLocale    the language the user chose, or {@code null} when they never did
 * @param active             whether the user may still sign in (disabled and resigned users may not)
 * @param emailNotifications the switch on their account page, on unless they turned it off
 */
public record UserContact(long id, String displayName, String email, Locale preferredLocale, boolean active,
                          boolean emailNotifications) {

    public Optional<Locale> locale() {
        return Optional.ofNullable(preferredLocale);
    }

    /** Whether an e-mail notification may go to this user now. */
    public boolean wantsEmail() {
        return active && emailNotifications && email != null && !email.isBlank();
    }
}
