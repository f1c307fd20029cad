package io.haina.crm.sales.assignment;

/** What a rule's escalation does last, when the owner and then their manager let the deadline pass. */
public enum EndAction {
    /** Hand the lead to the next user of the rule's department (round-robin or least loaded). */
    REASSIGN,
    /** Send the lead to a lead pool, for whoever will take it. */
    RETURN_TO_POOL;

    public String labelKey() {
        return "assignment.end." + name();
    }
}
