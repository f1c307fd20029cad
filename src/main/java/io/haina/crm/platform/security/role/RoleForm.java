package io.haina.crm.platform.security.role;

import java.util.Map;
import java.util.Set;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;

/** A role's name, description and grants as edited on the role page or sent to the API. */
public record RoleForm(String name, String description, Map<String, Set<ObjectAction>> actions,
                       Map<String, ScopeLevel> scopes, Integer version) {
}
