package io.haina.crm.sales.pool;

import java.util.List;

/** A pool as an administrator fills it in, before it is checked and saved. */
public record PoolDraft(String objectCode, String name, String description, boolean active, Integer warnDaysBefore,
                        Integer claimsPerDay, Integer ownedCap, boolean capExcludesWon, Integer reclaimBarDays,
                        List<PoolMember> members, List<PoolRule> rules) {

    public PoolDraft {
        name = name == null ? "" : name.strip();
        description = description == null || description.isBlank() ? null : description.strip();
        members = List.copyOf(members);
        rules = List.copyOf(rules);
    }
}
