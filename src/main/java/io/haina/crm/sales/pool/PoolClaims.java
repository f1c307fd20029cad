package io.haina.crm.sales.pool;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Taking records out of a pool: a member claims one for themselves, within the pool's limits
 * (claims per day, records owned, the bar on reclaiming what they let go), or a pool's
 * administrator assigns one to someone. Two members claiming the same record at once: one gets it.
 */
@Service
@Transactional
public class PoolClaims {

    private final PoolRepository pools;
    private final PoolMembers members;
    private final PooledObjects pooled;
    private final RecordService records;
    private final SystemRecords system;
    private final Organization organization;
    private final Permissions permissions;
    private final DSLContext db;
    private final Clock clock;

    PoolClaims(PoolRepository pools, PoolMembers members, PooledObjects pooled, RecordService records, SystemRecords system,
               Organization organization, Permissions permissions, DSLContext db, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.pooled = pooled;
        this.records = records;
        this.system = system;
        this.organization = organization;
        this.permissions = permissions;
        this.db = db;
        this.clock = clock;
    }

    /** The member takes the record as its owner, or learns in their language why they may not. */
    public void claim(long actorId, String objectCode, long recordId) {
        PoolSettings.requirePooled(objectCode);
        Set<Long> mine = members.poolsOpenTo(actorId, objectCode);
        Optional<Long> sitsIn = system.poolOf(objectCode, recordId);
        if (sitsIn.isEmpty() || !mine.contains(sitsIn.get())) {
            // Gone from one of my pools since I saw it: someone was quicker. Else "not found" to
            // whoever cannot see the record, and a plain answer to whoever can.
            if (pools.claimedFromAnyOf(objectCode, recordId, mine)) {
                throw new ConflictException("pool.error.taken");
            }
            records.read(actorId, objectCode, recordId);
            throw sitsIn.isEmpty() ? new ConflictException("pool.error.not-in-pool")
                    : new ConflictException("pool.error.not-member", activePool(sitsIn.get()).name());
        }
        // The pool as read above: reading it again could find the record just claimed by another.
        Pool pool = activePool(sitsIn.get());
        pooled.requireNotDone(objectCode, recordId);
        // One claimer at a time per user, so that two tabs cannot both take the last claim of the day.
        db.execute("select pg_advisory_xact_lock({0}, {1})", DSL.val(POOL_CLAIM_LOCK), DSL.val((int) actorId));
        OffsetDateTime now = OffsetDateTime.now(clock);
        requireBarOver(pool, objectCode, recordId, actorId, now);
        requireUnderDailyLimit(pool, actorId, now);
        requireUnderCap(pool, objectCode, actorId);
        if (!system.take(objectCode, recordId, pool.id(), actorId, actorId, "CLAIMED")) {
            throw new ConflictException("pool.error.taken");
        }
        pools.logClaim(pool.id(), objectCode, recordId, actorId, null, now);
    }

    /**
     * A pool administrator gives the record to a user who may read such records; the user is told
     * (by the assignee notices, as for every new owner).
     */
    public void assign(long actorId, String objectCode, long recordId, long assigneeId) {
        PoolSettings.requirePooled(objectCode);
        records.read(actorId, objectCode, recordId);
        Pool pool = poolHolding(objectCode, recordId);
        if (!pool.adminIds().contains(actorId) && !permissions.isAdministrator(actorId)) {
            throw new ConflictException("pool.error.not-admin", pool.name());
        }
        pooled.requireNotDone(objectCode, recordId);
        if (!organization.isActiveUser(assigneeId) || !permissions.can(assigneeId, objectCode, ObjectAction.VIEW)) {
            throw InvalidInputException.of("assigneeId", "pool.error.assignee");
        }
        if (!system.take(objectCode, recordId, pool.id(), assigneeId, actorId, "ASSIGNED_FROM_POOL")) {
            throw new ConflictException("pool.error.taken");
        }
        pools.logClaim(pool.id(), objectCode, recordId, assigneeId, actorId, OffsetDateTime.now(clock));
    }

    private static final int POOL_CLAIM_LOCK = 0x706f6f6c; // "pool"

    Pool poolHolding(String objectCode, long recordId) {
        return activePool(system.poolOf(objectCode, recordId).orElseThrow(() -> new ConflictException("pool.error.not-in-pool")));
    }

    private Pool activePool(long poolId) {
        return pools.find(poolId).filter(Pool::active).orElseThrow(() -> new NotFoundException("pool " + poolId));
    }

    private void requireBarOver(Pool pool, String objectCode, long recordId, long actorId, OffsetDateTime now) {
        if (pool.reclaimBarDays() == null) {
            return;
        }
        Optional<OffsetDateTime> released = pools.lastReleasedBy(objectCode, recordId, actorId);
        if (released.isPresent() && released.get().plusDays(pool.reclaimBarDays()).isAfter(now)) {
            ZoneId zone = organization.timeZoneOf(actorId);
            LocalDate from = released.get().plusDays(pool.reclaimBarDays()).atZoneSameInstant(zone).toLocalDate();
            throw new ConflictException("pool.error.barred", pool.reclaimBarDays(), from.toString());
        }
    }

    private void requireUnderDailyLimit(Pool pool, long actorId, OffsetDateTime now) {
        if (pool.claimsPerDay() == null) {
            return;
        }
        ZoneId zone = organization.timeZoneOf(actorId);
        OffsetDateTime startOfDay = now.atZoneSameInstant(zone).toLocalDate().atStartOfDay(zone).toOffsetDateTime();
        int today = pools.claimsSince(pool.id(), actorId, startOfDay);
        if (today >= pool.claimsPerDay()) {
            throw new ConflictException("pool.error.daily-limit", pool.claimsPerDay());
        }
    }

    private void requireUnderCap(Pool pool, String objectCode, long actorId) {
        if (pool.ownedCap() == null) {
            return;
        }
        PooledObject object = pooled.of(objectCode);
        Optional<SystemRecords.FieldValue> except = object.sparedFromCap(pool) ? Optional.of(object.settledWhen()) : Optional.empty();
        if (system.countOwned(objectCode, actorId, except) >= pool.ownedCap()) {
            throw new ConflictException("pool.error.cap", pool.ownedCap());
        }
    }
}
