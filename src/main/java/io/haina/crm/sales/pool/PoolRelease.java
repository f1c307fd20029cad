package io.haina.crm.sales.pool;

import java.time.OffsetDateTime;

import io.haina.crm.platform.records.ChangeReason;

/** A record's latest return to a pool: whose it was, when it went back, and why (a rule's reason is a message). */
public record PoolRelease(long previousOwnerId, OffsetDateTime releasedAt, String reason) {

    public ChangeReason why() {
        return ChangeReason.parse(reason);
    }
}
