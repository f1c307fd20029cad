package io.haina.crm.platform.io;

import java.util.Locale;

/** What an import does with a row that matches an existing record on the chosen fields. */
public enum DuplicatePolicy {
    SKIP, UPDATE, CREATE;

    public String labelKey() {
        return "import.policy." + name().toLowerCase(Locale.ROOT);
    }
}
