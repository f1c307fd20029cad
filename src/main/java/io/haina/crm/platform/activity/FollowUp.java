package io.haina.crm.platform.activity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A follow-up on a record: what was done (kind, content, contacts met) and when, and when the
 * next one is due. {@code nextTaskId} is the task that next time created, if any.
 */
public record FollowUp(long id, String objectCode, long recordId, FollowUpKind kind, String content, List<Long> contactIds,
                       OffsetDateTime at, OffsetDateTime nextAt, Long nextTaskId, long authorId,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public FollowUp {
        contactIds = List.copyOf(contactIds);
    }
}
