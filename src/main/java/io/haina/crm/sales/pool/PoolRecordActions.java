package io.haina.crm.sales.pool;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.records.RecordAction;
import io.haina.crm.platform.records.RecordActionSource;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;

/**
 * The pool's buttons on a lead's or customer's page: claim it while it sits in a pool open to
 * the reader; return it to a pool, or lock it against automatic return, while someone owns it.
 * A record done with pools for good (a converted lead) has none of them.
 */
@Component
class PoolRecordActions implements RecordActionSource {

    private final PoolMembers members;
    private final PooledObjects pooled;
    private final PoolReturns returns;
    private final SystemRecords system;
    private final Permissions permissions;

    PoolRecordActions(PoolMembers members, PooledObjects pooled, PoolReturns returns, SystemRecords system,
                      Permissions permissions) {
        this.members = members;
        this.pooled = pooled;
        this.returns = returns;
        this.system = system;
        this.permissions = permissions;
    }

    @Override
    public List<RecordAction> actionsFor(long actorId, RecordData record) {
        String object = record.object();
        if (!PoolSettings.OBJECTS.contains(object) || pooled.doneWithPools(record)) {
            return List.of();
        }
        List<RecordAction> actions = new ArrayList<>();
        if (record.ownerId() == null) {
            boolean member = system.poolOf(object, record.id()).map(pool -> members.poolsOpenTo(actorId, object).contains(pool))
                    .orElse(false);
            if (member) {
                actions.add(new RecordAction("claim", "pool.claim", "hand-index", "/pools/claim/" + object + "/" + record.id(), true));
            }
            return actions;
        }
        if (permissions.can(actorId, object, ObjectAction.EDIT) && !returns.poolsFor(actorId, object).isEmpty()) {
            actions.add(new RecordAction("return", "pool.return." + object, "box-arrow-in-down",
                    "/pools/return/" + object + "/" + record.id(), false));
        }
        if (returns.mayLock(actorId, record)) {
            boolean locked = system.isLockedAgainstReturn(object, record.id());
            actions.add(new RecordAction(locked ? "unlock" : "lock", locked ? "pool.unlock" : "pool.lock",
                    locked ? "unlock" : "lock", "/pools/lock/" + object + "/" + record.id() + "?locked=" + !locked, true));
        }
        return actions;
    }
}
