package io.haina.crm.platform.security;

import java.util.Locale;

/** Whose records a role reaches, relative to the user holding it. */
public enum ScopeLevel {
    /** Records the user owns. */
    SELF,
    /** The user's and those of everyone below them in the manager chain, at any depth. */
    SELF_AND_SUBORDINATES,
    /** Records owned by anyone in the user's own department. */
    DEPARTMENT,
    /** Records owned by anyone in the user's department or any department below it. */
    DEPARTMENT_AND_CHILDREN,
    /** Every record. */
    ALL;

    public String labelKey() {
        return "scope." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
