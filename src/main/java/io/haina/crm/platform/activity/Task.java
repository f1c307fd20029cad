package io.haina.crm.platform.activity;

import java.time.OffsetDateTime;

/**
 * Something a user is to do by a time (待办任务): call back, send the quote. It may be about a
 * record ({@code objectCode} and {@code recordId}, or both null). The assignee is reminded at
 * {@code remindAt} (null: not at all), once: {@code remindedAt} says it went out.
 */
public record Task(long id, String title, String description, OffsetDateTime dueAt, OffsetDateTime remindAt,
                   OffsetDateTime remindedAt, TaskPriority priority, boolean done, long assigneeId, String objectCode,
                   Long recordId, long createdBy, OffsetDateTime createdAt, OffsetDateTime doneAt, int version) {

    public boolean overdue(OffsetDateTime now) {
        return !done && dueAt.isBefore(now);
    }

    public boolean aboutRecord() {
        return objectCode != null;
    }

    /** Who may change it: the one who does it and the one who asked for it. */
    public boolean changeableBy(long userId) {
        return userId == assigneeId || userId == createdBy;
    }
}
