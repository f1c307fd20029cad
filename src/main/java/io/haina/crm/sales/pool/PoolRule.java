package io.haina.crm.sales.pool;

/**
 * When an owned record goes back to its pool by itself: untouched for {@code days} in the rule's
 * sense; for customers optionally only those of one level, sparing won customers and those with
 * open opportunities where set.
 */
public record PoolRule(PoolRuleKind kind, int days, String customerLevel, boolean excludeWon,
                       boolean excludeOpenOpportunities) {
}
