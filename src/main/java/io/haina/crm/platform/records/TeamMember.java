package io.haina.crm.platform.records;

import java.time.OffsetDateTime;

/** Someone on a record's team: may read it, or also change it ({@code canEdit}), until {@code expiresAt} if set. */
public record TeamMember(long userId, boolean canEdit, OffsetDateTime expiresAt, Long addedBy, OffsetDateTime addedAt) {
}
