package io.haina.crm.sales.assignment;

import java.util.Objects;

/**
 * One assignment rule as stored: its place in the order, the leads it takes, who gets them, and
 * the first-follow-up deadline with the escalation's last step.
 *
 * @param position       1 for the first rule asked
 * @param followUpHours  hours the owner has for a first follow-up; {@code null}: no deadline
 * @param endAction      what escalation does last; {@code null} without a deadline
 * @param endPoolId      the pool {@link EndAction#RETURN_TO_POOL} sends the lead to
 */
public record AssignmentRule(long id, String name, boolean active, int position, LeadConditions conditions,
                             Target target, Integer followUpHours, EndAction endAction, Long endPoolId, int version) {

    public AssignmentRule {
        Objects.requireNonNull(conditions);
        Objects.requireNonNull(target);
    }

    public boolean escalates() {
        return followUpHours != null && endAction != null;
    }

    /**
     * Who a rule gives its leads to: a user ({@code userId}), a department's users
     * ({@code departmentId}, in turn or least loaded first) or a pool ({@code poolId}).
     */
    public record Target(TargetKind kind, Long userId, Long departmentId, Long poolId) {

        public static Target user(long userId) {
            return new Target(TargetKind.USER, userId, null, null);
        }

        public static Target roundRobin(long departmentId) {
            return new Target(TargetKind.ROUND_ROBIN, null, departmentId, null);
        }

        public static Target leastLoaded(long departmentId) {
            return new Target(TargetKind.LEAST_LOADED, null, departmentId, null);
        }

        public static Target pool(long poolId) {
            return new Target(TargetKind.POOL, null, null, poolId);
        }
    }
}
