package io.haina.crm.platform.security.access;

import java.util.Map;
import java.util.Set;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;

/**
 * One role as far as access goes: whether it is an administrator role, and per object the actions
 * it grants and the scope of the records it reaches.
 */
public record RoleGrants(long roleId, boolean administrator, Map<String, Grant> grants) {

    public record Grant(Set<ObjectAction> actions, ScopeLevel scope) {
    }
}
