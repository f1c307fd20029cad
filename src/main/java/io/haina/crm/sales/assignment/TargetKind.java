package io.haina.crm.sales.assignment;

/** Who a rule gives its leads to. */
public enum TargetKind {
    /** Always the same user. */
    USER,
    /** A department's users (with the departments below it) in turn. */
    ROUND_ROBIN,
    /** The department user with the fewest open leads (ties in turn). */
    LEAST_LOADED,
    /** Nobody yet: the lead waits in a lead pool for its members to claim. */
    POOL;

    public boolean department() {
        return this == ROUND_ROBIN || this == LEAST_LOADED;
    }

    public String labelKey() {
        return "assignment.target." + name();
    }
}
