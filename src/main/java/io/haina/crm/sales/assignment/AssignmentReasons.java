package io.haina.crm.sales.assignment;

import io.haina.crm.platform.records.ChangeReason;

/**
 * Why a rule moved a lead, as its history keeps it: message keys with the rule's name (and, for an
 * escalation step, the hours gone by since the lead was assigned), so that every reader sees the
 * reason in their language.
 */
final class AssignmentReasons {

    private AssignmentReasons() {
    }

    /** The rule gave the lead its owner or its pool. */
    static String assigned(String ruleName) {
        return ChangeReason.of("assignment.reason.rule", plain(ruleName));
    }

    /** A step of the escalation: {@code messageKey} takes the hours since assignment and the rule's name. */
    static String escalation(String messageKey, int hours, String ruleName) {
        return ChangeReason.of(messageKey, hours, plain(ruleName));
    }

    /** A stored reason separates its arguments with "|": a name keeps its words without one. */
    private static String plain(String ruleName) {
        return ruleName.replace('|', '/');
    }
}
