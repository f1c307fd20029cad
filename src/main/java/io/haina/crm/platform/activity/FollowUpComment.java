package io.haina.crm.platform.activity;

import java.time.OffsetDateTime;

/** A comment under a follow-up: a manager's "ask about the budget next time". */
public record FollowUpComment(long id, long followUpId, long authorId, String body, OffsetDateTime at) {
}
