package io.haina.crm.sales.pool;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.records.PoolMembership;
import io.haina.crm.platform.security.AccessCache;
import io.haina.crm.platform.security.AccessVersion;
import io.haina.crm.platform.security.Organization;

/**
 * Which pools a user belongs to, told to the record engine so that it lets members read the
 * pools' records. Asked on every list of leads or customers, so kept until the access version
 * moves (pool and membership changes move it, as do department moves).
 */
@Component
class PoolMembers implements PoolMembership {

    private static final int KEPT = 20_000;

    private final PoolRepository pools;
    private final Organization organization;
    private final AccessCache<Key, Set<Long>> cache;

    PoolMembers(PoolRepository pools, Organization organization, AccessVersion version) {
        this.pools = pools;
        this.organization = organization;
        this.cache = new AccessCache<>(version, KEPT);
    }

    private record Key(long userId, String objectCode) {
    }

    @Override
    public Set<Long> poolsOpenTo(long userId, String objectCode) {
        return cache.get(new Key(userId, objectCode),
                key -> pools.poolsOf(key.userId(), organization.departmentLineOf(key.userId()), key.objectCode()));
    }

    boolean isMember(long userId, Pool pool) {
        return poolsOpenTo(userId, pool.objectCode()).contains(pool.id());
    }

    /** The users whose records a pool's rules watch over: its members, named or through their departments. */
    Set<Long> coveredBy(Pool pool) {
        Set<Long> users = new java.util.HashSet<>();
        for (PoolMember member : pool.members()) {
            if (member.userId() != null) {
                users.add(member.userId());
            } else {
                users.addAll(organization.usersUnder(member.departmentId()));
            }
        }
        return users;
    }

    @Override
    public Optional<String> poolName(long poolId) {
        return pools.find(poolId).map(Pool::name);
    }
}
