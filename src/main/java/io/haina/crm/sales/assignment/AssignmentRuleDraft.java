package io.haina.crm.sales.assignment;

/**
 * An assignment rule as an administrator writes it (a new one, or the new state of one), before
 * it is checked. Its place in the order is not part of it: a new rule comes last, and rules are
 * moved up and down on their own.
 */
public record AssignmentRuleDraft(String name, boolean active, LeadConditions conditions, AssignmentRule.Target target,
                                  Integer followUpHours, EndAction endAction, Long endPoolId) {

    public AssignmentRuleDraft {
        conditions = conditions == null ? LeadConditions.ANY : conditions;
        target = target == null ? new AssignmentRule.Target(null, null, null, null) : target;
    }
}
