package io.haina.crm.platform.activity;

/**
 * A task as typed, before it is checked. {@code dueAt} as {@code 2026-11-23T14:30} in the writer's
 * zone or with an offset; {@code remindBefore} in minutes before the due time, blank or
 * {@code none} for no reminder; {@code assigneeId} blank for the writer; the record optional.
 */
public record TaskDraft(String title, String description, String dueAt, String remindBefore, String assigneeId,
                        String priority, String objectCode, String recordId) {
}
