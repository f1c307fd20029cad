package io.haina.crm.platform.records;

import java.util.Optional;
import java.util.Set;

/**
 * Who may see the records that sit in pools, told the engine by the module that keeps the pools.
 * A pool's records have no owner, so no data scope reaches them; the engine lets a pool's members
 * read them (never change them: a member claims a record first) whatever their scope.
 */
public interface PoolMembership {

    /** The pools of a {@link io.haina.crm.platform.metadata.ObjectDef#pooled() pooled} object open to the user. */
    Set<Long> poolsOpenTo(long userId, String objectCode);

    /** A pool's name, for a record's history ("退回公海: 华东公海"); empty when unknown. */
    default Optional<String> poolName(long poolId) {
        return Optional.empty();
    }

    /** No pools at all, for an application without a pool module. */
    PoolMembership NONE = (userId, objectCode) -> Set.of();
}
