package io.haina.crm.platform.activity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How much a task matters. */
public enum TaskPriority {
    LOW, NORMAL, HIGH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "task.priority." + code();
    }

    public static Optional<TaskPriority> of(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
