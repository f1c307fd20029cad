package io.haina.crm.platform.security;

import java.util.Map;
import java.util.Set;

/**
 * A role a new company starts with (sales rep, sales manager, marketing), created at first-run
 * setup beside the administrator and editable like any other. Feature modules declare the grants
 * on their own objects as beans; declarations with the same code make one role.
 *
 * @param code           stable code of the role, e.g. {@code sales_rep}
 * @param nameKey        message key of its name, in the language setup runs in
 * @param descriptionKey message key of its description
 * @param grants         object code → what the role may do there, and on whose records
 */
public record StarterRole(String code, String nameKey, String descriptionKey, Map<String, Grant> grants) {

    public StarterRole {
        grants = Map.copyOf(grants);
    }

    /** Actions on an object and the records they reach. */
    public record Grant(ScopeLevel scope, Set<ObjectAction> actions) {
        public Grant {
            actions = Set.copyOf(actions);
        }
    }

    public static Grant grant(ScopeLevel scope, ObjectAction... actions) {
        return new Grant(scope, Set.of(actions));
    }
}
