package io.haina.crm.platform.web;

import java.util.Locale;
import java.util.Optional;

/** What the shell needs to know of the signed-in user: a name to show and what they may open. */
public interface ShellUser {

    String username();

    String displayName();

    /** The language the user chose, if any; otherwise the browser decides. */
    Optional<Locale> locale();

    /** The user's time zone, for times shown to them. */
    java.time.ZoneId timeZone();

    /** Whether the user holds a permission, such as {@code user:view} or {@code admin}. */
    boolean can(String permission);

    default String initials() {
        String name = displayName().strip();
        if (name.isEmpty()) {
            return "?";
        }
        int first = name.codePointAt(0);
        // Chinese names show their family name; Latin names their first letter.
        return new String(Character.toChars(Character.toUpperCase(first)));
    }
}
