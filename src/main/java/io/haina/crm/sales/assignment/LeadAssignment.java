package io.haina.crm.sales.assignment;

import java.time.OffsetDateTime;

/**
 * A lead a rule assigned, and how far its first-follow-up escalation went.
 *
 * @param ruleId  the rule; {@code null} once the rule was deleted
 * @param ownerId who owes it a first follow-up; {@code null} when it went to a pool
 * @param dueAt   when the next escalation step is due; {@code null} when none is
 */
public record LeadAssignment(long leadId, Long ruleId, String ruleName, String channel, Long ownerId,
                             OffsetDateTime assignedAt, Stage stage, OffsetDateTime dueAt) {

    /** How far a lead's escalation went. */
    public enum Stage {
        /** Given to its owner; the first deadline runs (if the rule has one). */
        ASSIGNED,
        /** The deadline passed: the owner was reminded. */
        REMINDED,
        /** Another period passed: the owner's manager was told. */
        MANAGER_TOLD,
        /** A third: the lead went to the next user of the rule's department. */
        HANDED_ON,
        /** A third: the lead went to a pool. */
        RETURNED,
        /** Someone followed it up: nothing more to do. */
        FOLLOWED_UP,
        /** Out of the rule's hands: the owner changed by other means, the lead was closed or deleted, the rule's deadline went. */
        CLOSED
    }
}
