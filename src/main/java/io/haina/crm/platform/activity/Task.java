package io.haina.crm.platform.activity;

import java.time.OffsetDateTime;

/**
 * Something a user is to do by a time (待办任务): call back, send the quote. It may be about a
 * record ({@code objectCode} and {@code recordId}, or both null). The assignee is reminded at
 * {@code remindAt} (null: not at all), once: {@code remindedAt} says it went out. A task is open,
 * done, or {@code cancelled}: about a record that went back to a pool, whose previous owner no
 * longer has it to do ({@code doneAt} is then when it was cancelled).
 */
public record Task(long id, String title, String description, OffsetDateTime dueAt, OffsetDateTime remindAt,
                   OffsetDateTime remindedAt, TaskPriority priority, boolean done, boolean cancelled, long assigneeId, String objectCode,
                   Long recordId, long createdBy, OffsetDateTime createdAt, OffsetDateTime doneAt, int version) {

    public boolean overdue(OffsetDateTime now) {
        return open() && dueAt.isBefore(now);
    }

    /** Still to do: neither done nor cancelled. */
    public boolean open() {
        return !done && !cancelled;
    }

    public boolean aboutRecord() {
        return objectCode != null;
    }

    /** Who may change it: the one who does it and the one who asked for it. */
    public boolean changeableBy(long userId) {
        return userId == assigneeId || userId == createdBy;
    }
}
