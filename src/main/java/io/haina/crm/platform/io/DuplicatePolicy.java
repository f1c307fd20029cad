package io.haina.crm.platform.io;

import java.util.Locale;

import io.haina.crm.platform.web.InvalidInputException;

/** What an import does with a row that matches an existing record on the chosen fields. */
public enum DuplicatePolicy {
    SKIP, UPDATE, CREATE;

    /** The policy named (any case), or a message for the field that named it. */
    public static DuplicatePolicy parse(String field, String text) {
        try {
            return valueOf(String.valueOf(text).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "import.error.policy");
        }
    }

    public String labelKey() {
        return "import.policy." + name().toLowerCase(Locale.ROOT);
    }
}
