package io.haina.crm.sales.pool;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Letting records go by hand: whoever may edit a record returns it to a pool open to them, with
 * a reason the pool's members and the record's timeline see; a pool's administrator locks a
 * record so that no rule returns it.
 */
@Service
@Transactional
public class PoolReturns {

    static final int MAX_REASON = 500;

    private final PoolRepository pools;
    private final PoolMembers members;
    private final PooledObjects pooled;
    private final RecordService records;
    private final SystemRecords system;
    private final Permissions permissions;
    private final Clock clock;

    PoolReturns(PoolRepository pools, PoolMembers members, PooledObjects pooled, RecordService records, SystemRecords system,
                Permissions permissions, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.pooled = pooled;
        this.records = records;
        this.system = system;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** The active pools of the object the user may return records to: those they belong to. */
    @Transactional(readOnly = true)
    public List<Pool> poolsFor(long actorId, String objectCode) {
        var open = members.poolsOpenTo(actorId, objectCode);
        return pools.ofObject(objectCode).stream().filter(p -> open.contains(p.id())).toList();
    }

    public void returnToPool(long actorId, String objectCode, long recordId, long poolId, String reason) {
        PoolSettings.requirePooled(objectCode);
        RecordData record = records.requireChangeable(actorId, objectCode, recordId);
        if (pooled.doneWithPools(record)) {
            throw new ConflictException("pool.error.settled." + objectCode);
        }
        String why = reason == null ? "" : reason.strip();
        InputChecks checks = new InputChecks();
        checks.check(!why.isEmpty(), "reason", "pool.error.reason-required");
        checks.check(why.length() <= MAX_REASON, "reason", "pool.error.reason-long", MAX_REASON);
        Pool pool = poolsFor(actorId, objectCode).stream().filter(p -> p.id() == poolId).findFirst().orElse(null);
        checks.check(pool != null, "poolId", "pool.error.pool");
        checks.throwIfAny();
        if (record.ownerId() == null) {
            throw new ConflictException("pool.error.already-in-pool");
        }
        system.release(objectCode, recordId, poolId, actorId, "RETURNED_TO_POOL", why);
        pools.logRelease(poolId, objectCode, recordId, record.ownerId(), actorId, OffsetDateTime.now(clock), why);
    }

    /**
     * A rule (not a user) sends an owned record back to an active pool of its object, with the
     * rule's reason: as after a manual return, the previous owner's bar on reclaiming it counts
     * from now. False when the record already sat in a pool (nothing is written then).
     */
    public boolean returnByRule(String objectCode, long recordId, long poolId, String action, String reason) {
        Optional<Long> previousOwner = release(objectCode, recordId, poolId, action, reason);
        previousOwner.ifPresent(owner -> pools.logRelease(poolId, objectCode, recordId, owner, null,
                OffsetDateTime.now(clock), reason));
        return previousOwner.isPresent();
    }

    /**
     * A rule puts a record that has just come in straight into an active pool (an assignment rule
     * for new leads): its creator never worked on it, so no bar on claiming it is set.
     */
    public boolean placeByRule(String objectCode, long recordId, long poolId, String action, String reason) {
        return release(objectCode, recordId, poolId, action, reason).isPresent();
    }

    private Optional<Long> release(String objectCode, long recordId, long poolId, String action, String reason) {
        PoolSettings.requirePooled(objectCode);
        pools.find(poolId).filter(Pool::active).filter(p -> p.objectCode().equals(objectCode))
                .orElseThrow(() -> new NotFoundException("pool " + poolId));
        return system.release(objectCode, recordId, poolId, null, action, reason);
    }

    /**
     * Keeps a record from returning by rule (or lets it again): for administrators of the pools
     * whose rules would return it, and system administrators.
     */
    public void lockAgainstReturn(long actorId, String objectCode, long recordId, boolean locked) {
        PoolSettings.requirePooled(objectCode);
        RecordData record = records.read(actorId, objectCode, recordId);
        if (record.ownerId() == null) {
            throw new NotFoundException(objectCode + " " + recordId + " is in a pool");
        }
        if (!mayLock(actorId, record)) {
            throw new ConflictException("pool.error.not-admin-any");
        }
        system.lockAgainstReturn(objectCode, recordId, locked, actorId);
    }

    /**
     * Whether the user may lock this owned record against return: a system administrator, or an
     * administrator of a pool of its object whose members include its owner — the pool its rules
     * would return it to. An administrator of another team's pool has no say over it.
     */
    @Transactional(readOnly = true)
    public boolean mayLock(long actorId, RecordData record) {
        if (record.ownerId() == null) {
            return false;
        }
        return permissions.isAdministrator(actorId) || pools.ofObject(record.object()).stream()
                .anyMatch(p -> p.active() && p.adminIds().contains(actorId) && members.coveredBy(p).contains(record.ownerId()));
    }
}
