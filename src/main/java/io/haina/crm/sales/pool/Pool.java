package io.haina.crm.sales.pool;

import java.util.List;

/**
 * A lead pool (线索池) or a customers' public pool (公海): where records nobody owns wait for a
 * member to claim them, with the rules that send untouched records back and the limits on
 * claiming. Limits left null do not apply.
 */
public record Pool(long id, String objectCode, String name, String description, boolean active,
                   Integer warnDaysBefore, Integer claimsPerDay, Integer ownedCap, boolean capExcludesWon,
                   Integer reclaimBarDays, int version, List<PoolMember> members, List<PoolRule> rules) {

    public Pool {
        members = List.copyOf(members);
        rules = List.copyOf(rules);
    }

    public List<Long> adminIds() {
        return members.stream().filter(PoolMember::admin).map(PoolMember::userId).toList();
    }
}
