package io.haina.crm.platform.security.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;

/**
 * Everything a user's roles allow, merged: the widest grant wins. Actions are united; the scopes of
 * the roles that let the user view an object are kept side by side, because "self and
 * subordinates" and "own department" do not contain each other — the user sees the union.
 */
public final class AccessProfile {

    private final boolean administrator;
    private final List<RoleGrants> roles;
    private final Map<String, Set<ObjectAction>> actions = new HashMap<>();
    private final Map<String, Set<ScopeLevel>> viewScopes = new HashMap<>();

    public AccessProfile(Collection<RoleGrants> roles) {
        this.roles = List.copyOf(roles);
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

    /** The roles the user holds. */
    public Set<Long> roleIds() {
        return roles.stream().map(RoleGrants::roleId).collect(Collectors.toUnmodifiableSet());
    }

    /** The roles among the user's that grant the action on the object (administrator roles grant only what they list). */
    public Set<Long> rolesGranting(String object, ObjectAction action) {
        return roles.stream().filter(role -> {
            var grant = role.grants().get(object);
            return grant != null && grant.actions().contains(action);
        }).map(RoleGrants::roleId).collect(Collectors.toUnmodifiableSet());
    }

    public boolean can(String object, ObjectAction action) {
        return administrator || actions.getOrDefault(object, Set.of()).contains(action);
    }

    /**
     * Whether this user already holds everything the given grants give: every action, and for
     * viewing a scope at least as wide. A non-administrator may hand out, write into a role, or
     * take over an account only up to this ceiling, so that nobody can raise their own reach.
     */
    public boolean covers(java.util.Map<String, RoleGrants.Grant> grants) {
        if (administrator) {
            return true;
        }
        return grants.entrySet().stream().allMatch(entry -> {
            var grant = entry.getValue();
            boolean actionsHeld = actions.getOrDefault(entry.getKey(), Set.of()).containsAll(grant.actions());
            boolean scopeHeld = !grant.actions().contains(ObjectAction.VIEW)
                    || viewScopes.getOrDefault(entry.getKey(), Set.of()).stream().anyMatch(held -> atLeast(held, grant.scope()));
            return actionsHeld && scopeHeld;
        });
    }

    /** Whether this user holds at least everything {@code other} holds (to change that user's account). */
    public boolean coversProfile(AccessProfile other) {
        if (administrator || other == this) {
            return true;
        }
        if (other.administrator) {
            return false;
        }
        for (var held : other.actions.entrySet()) {
            Set<ScopeLevel> scopes = other.viewScopes.getOrDefault(held.getKey(), Set.of(ScopeLevel.SELF));
            for (ScopeLevel scope : scopes) {
                if (!covers(java.util.Map.of(held.getKey(), new RoleGrants.Grant(held.getValue(), scope)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Scopes nest partly: all ⊇ everything; department and children ⊇ department ⊇ self; self and subordinates ⊇ self. */
    static boolean atLeast(ScopeLevel held, ScopeLevel wanted) {
        return held == wanted || held == ScopeLevel.ALL || wanted == ScopeLevel.SELF
                || (held == ScopeLevel.DEPARTMENT_AND_CHILDREN && wanted == ScopeLevel.DEPARTMENT);
    }

    /** The scopes under which the user views the object; empty when no role lets them view it. */
    public Set<ScopeLevel> viewScopes(String object) {
        return administrator ? EnumSet.of(ScopeLevel.ALL) : viewScopes.getOrDefault(object, Set.of());
    }
}
