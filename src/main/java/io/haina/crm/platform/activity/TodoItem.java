package io.haina.crm.platform.activity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One thing to do: what (a record's or task's name, as stored), where to do it, by when, and a
 * note as a message key with plain-text arguments (shown in the reader's language), or none.
 */
public record TodoItem(String title, String link, OffsetDateTime due, String noteKey, List<String> noteArgs) {

    public TodoItem {
        noteArgs = noteArgs == null ? List.of() : List.copyOf(noteArgs);
    }

    public static TodoItem of(String title, String link, OffsetDateTime due) {
        return new TodoItem(title, link, due, null, List.of());
    }

    public boolean overdue(OffsetDateTime now) {
        return due != null && due.isBefore(now);
    }
}
