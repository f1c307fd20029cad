package io.haina.crm.sales.pool;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.records.RecordsMerged;
import io.haina.crm.platform.records.SystemRecords;

/**
 * A merge of two pooled records, inside the merge's transaction: the merged record's claims and
 * returns are the kept one's from now on, and a lock against automatic return that either record
 * had (a manager protecting a key account) stays on the kept one while someone owns it.
 */
@Component
class PoolMergeListener {

    private final PoolRepository pools;
    private final SystemRecords system;

    PoolMergeListener(PoolRepository pools, SystemRecords system) {
        this.pools = pools;
        this.system = system;
    }

    @EventListener
    void on(RecordsMerged merged) {
        if (!PoolSettings.OBJECTS.contains(merged.object())) {
            return;
        }
        pools.moveBookkeeping(merged.object(), merged.mergedId(), merged.keptId());
        if (merged.kept().ownerId() != null && system.isLockedAgainstReturn(merged.object(), merged.mergedId())) {
            system.lockAgainstReturn(merged.object(), merged.keptId(), true, merged.actorId());
        }
    }
}
