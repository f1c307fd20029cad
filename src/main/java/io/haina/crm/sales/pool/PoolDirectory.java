package io.haina.crm.sales.pool;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.RecordPage;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.NotFoundException;

/**
 * The pools a user may open and what waits in them, read through the record engine like any
 * list (so the pool's records reach only its members, with their field permissions).
 */
@Service
@Transactional(readOnly = true)
public class PoolDirectory {

    private final PoolRepository pools;
    private final PoolMembers members;
    private final RecordFinder finder;
    private final Permissions permissions;

    PoolDirectory(PoolRepository pools, PoolMembers members, RecordFinder finder, Permissions permissions) {
        this.pools = pools;
        this.members = members;
        this.finder = finder;
        this.permissions = permissions;
    }

    /** The active pools the user belongs to (administrators see every pool), with what waits in each. */
    public List<PoolView> openTo(long actorId) {
        List<PoolView> views = new ArrayList<>();
        for (Pool pool : pools.all()) {
            if (pool.active() && mayOpen(actorId, pool)) {
                RecordPage counted = finder.count(actorId, pool.objectCode(), request(pool, null, null));
                views.add(new PoolView(pool, counted.total(), counted.totalCapped(), administers(actorId, pool)));
            }
        }
        return views;
    }

    /** The active pools of an object, for a rule to put records in (no user's membership matters). */
    public List<Pool> active(String objectCode) {
        return pools.ofObject(objectCode).stream().filter(Pool::active).toList();
    }

    /** Any pool by id, whoever asks: for rules and notices that name it. */
    public java.util.Optional<Pool> find(long poolId) {
        return pools.find(poolId);
    }

    /** One pool the user may open; "not found" for anyone else. */
    public Pool open(long actorId, long poolId) {
        return pools.find(poolId).filter(Pool::active).filter(pool -> mayOpen(actorId, pool))
                .orElseThrow(() -> new NotFoundException("pool " + poolId));
    }

    /** A page of the pool's records, newest first, narrowed by a quick search. */
    public RecordPage records(long actorId, Pool pool, String quickSearch, String cursor) {
        return finder.list(actorId, pool.objectCode(), request(pool, quickSearch, cursor));
    }

    /** When and why each of these records last went back to a pool. */
    public java.util.Map<Long, PoolRelease> releases(Pool pool, RecordPage page) {
        return pools.lastReleases(pool.objectCode(), page.items().stream().map(r -> r.id()).toList());
    }

    public boolean administers(long actorId, Pool pool) {
        return pool.adminIds().contains(actorId) || permissions.isAdministrator(actorId);
    }

    private boolean mayOpen(long actorId, Pool pool) {
        return permissions.can(actorId, pool.objectCode(), ObjectAction.VIEW)
                && (members.isMember(actorId, pool) || administers(actorId, pool));
    }

    private static RecordListRequest request(Pool pool, String quickSearch, String cursor) {
        return RecordListRequest.of(quickSearch, "pool_id eq " + pool.id(), "all", null, cursor, 20);
    }
}
