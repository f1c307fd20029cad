package io.haina.crm.sales.pool;

import java.util.Set;

/**
 * What "untouched" means for a return rule, and the field whose date counts besides how long the
 * owner has held the record: no follow-up, no new opportunity, or simply not won in that time.
 */
public enum PoolRuleKind {
    NO_FOLLOW_UP("last_follow_up_at", Set.of("lead", "customer")),
    NO_NEW_OPPORTUNITY("last_opportunity_at", Set.of("customer")),
    NOT_WON(null, Set.of("customer"));

    private final String sinceField;
    private final Set<String> objects;

    PoolRuleKind(String sinceField, Set<String> objects) {
        this.sinceField = sinceField;
        this.objects = objects;
    }

    /** The field whose date restarts the count (null: only the time held counts). */
    String sinceField() {
        return sinceField;
    }

    boolean appliesTo(String objectCode) {
        return objects.contains(objectCode);
    }

    /**
     * Whether the rule is about a record not getting settled (not won): it never returns a settled
     * record, whatever its switches say — a won customer "not won in 90 days" is a contradiction.
     */
    boolean aboutSettling() {
        return this == NOT_WON;
    }

    public String labelKey() {
        return "pool.rule.kind." + name();
    }
}
