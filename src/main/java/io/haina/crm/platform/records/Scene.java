package io.haina.crm.platform.records;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in ways to narrow a list by owner, on top of what the actor may see anyway: their own
 * records, their subordinates' (everyone below them in the manager chain), or all they can see.
 */
public enum Scene {
    ALL, MINE, SUBORDINATES;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "scene." + code();
    }

    /** The scene a URL or API parameter names; blank means all. */
    public static Optional<Scene> of(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(ALL);
        }
        return Arrays.stream(values()).filter(s -> s.code().equals(code.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
