package io.haina.crm.platform.security.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;

/**
 * Everything a user's roles allow, merged: the widest grant wins. Actions are united; the scopes of
 * the roles that let the user view an object are kept side by side, because "self and
 * subordinates" and "own department" do not contain each other — the user sees the union.
 */
public final class AccessProfile {

    private final boolean administrator;
    private final Map<String, Set<ObjectAction>> actions = new HashMap<>();
    private final Map<String, Set<ScopeLevel>> viewScopes = new HashMap<>();

    public AccessProfile(Collection<RoleGrants> roles) {
        boolean admin = false;
        for (RoleGrants role : roles) {
            admin |= role.administrator();
            role.grants().forEach((object, grant) -> {
                if (grant.actions().isEmpty()) {
                    return;
                }
                actions.computeIfAbsent(object, k -> EnumSet.noneOf(ObjectAction.class)).addAll(grant.actions());
                if (grant.actions().contains(ObjectAction.VIEW)) {
                    viewScopes.computeIfAbsent(object, k -> EnumSet.noneOf(ScopeLevel.class)).add(grant.scope());
                }
            });
        }
        this.administrator = admin;
    }

    public boolean administrator() {
        return administrator;
    }

    public boolean can(String object, ObjectAction action) {
        return administrator || actions.getOrDefault(object, Set.of()).contains(action);
    }

    /** The scopes under which the user views the object; empty when no role lets them view it. */
    public Set<ScopeLevel> viewScopes(String object) {
        return administrator ? EnumSet.of(ScopeLevel.ALL) : viewScopes.getOrDefault(object, Set.of());
    }
}
