package io.haina.crm.platform.security.role;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.security.AdminOperation;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.SecuredObject;
import io.haina.crm.platform.security.SecuredObjects;
import io.haina.crm.platform.security.access.AccessService;
import io.haina.crm.platform.security.access.RoleGrants;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Creates, edits and deletes roles. Grants are kept only for declared objects and their actions;
 * administrator roles are changed by administrators only; a role still held by users stays.
 */
@Service
@Transactional
public class RoleService {

    static final String ROLE = "role";

    private final RoleRepository roles;
    private final SecuredObjects objects;
    private final Permissions permissions;
    private final AccessService access;
    private final ApplicationEventPublisher events;

    RoleService(RoleRepository roles, SecuredObjects objects, Permissions permissions, AccessService access,
                ApplicationEventPublisher events) {
        this.roles = roles;
        this.objects = objects;
        this.permissions = permissions;
        this.access = access;
        this.events = events;
    }

    public long create(long actorId, RoleForm form) {
        permissions.require(actorId, ROLE, ObjectAction.CREATE);
        InputChecks checks = new InputChecks();
        String name = checks.required("name", form.name(), 100);
        String description = checks.optional("description", form.description(), 500);
        checks.throwIfAny();
        if (roles.nameTaken(name, null)) {
            throw new ConflictException("role.error.duplicate", name);
        }
        Map<String, RoleGrants.Grant> grants = grants(form);
        requireWithinOwnReach(actorId, grants);
        long id = roles.insert(null, name, description, false);
        roles.replaceGrants(id, grants);
        log(actorId, "ROLE_CREATED", id, name, Map.of("grants", describe(grants)));
        return id;
    }

    public void update(long actorId, long roleId, RoleForm form) {
        permissions.require(actorId, ROLE, ObjectAction.EDIT);
        Role current = find(roleId);
        if (current.administrator() && !permissions.isAdministrator(actorId)) {
            throw new AccessDeniedException("only an administrator changes an administrator role");
        }
        if (!permissions.isAdministrator(actorId) && roles.roleIdsOf(actorId).contains(roleId)) {
            throw new ConflictException("role.error.own-role");
        }
        InputChecks checks = new InputChecks();
        String name = checks.required("name", form.name(), 100);
        String description = checks.optional("description", form.description(), 500);
        checks.throwIfAny();
        requireWithinOwnReach(actorId, grants(form));
        if (current.builtIn()) {
            name = current.name(); // shown translated; its stored name stays as created
        }
        if (roles.nameTaken(name, roleId)) {
            throw new ConflictException("role.error.duplicate", name);
        }
        if (form.version() == null || !roles.update(roleId, form.version(), name, description)) {
            throw new ConflictException("validation.stale", current.name());
        }
        Map<String, Object> before = describe(roles.grantsOf(roleId));
        Map<String, RoleGrants.Grant> grants = grants(form);
        if (!current.administrator()) {
            roles.replaceGrants(roleId, grants);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (!current.name().equals(name)) {
            details.put("name", Map.of("from", current.name(), "to", name));
        }
        Map<String, Object> after = describe(grants);
        if (!current.administrator() && !before.equals(after)) {
            details.put("grants", Map.of("from", before, "to", after));
        }
        log(actorId, "ROLE_UPDATED", roleId, name, details);
    }

    public void delete(long actorId, long roleId) {
        permissions.require(actorId, ROLE, ObjectAction.DELETE);
        Role current = find(roleId);
        if (current.builtIn()) {
            throw new ConflictException("role.error.built-in", current.name());
        }
        int holders = roles.holderCount(roleId);
        if (holders > 0) {
            throw new ConflictException("role.error.in-use", current.name(), holders);
        }
        roles.delete(roleId);
        log(actorId, "ROLE_DELETED", roleId, current.name(), Map.of());
    }

    /** A non-administrator writes into a role only what they hold themselves. */
    private void requireWithinOwnReach(long actorId, Map<String, RoleGrants.Grant> grants) {
        if (!access.profileOf(actorId).covers(grants)) {
            throw new ConflictException("role.error.beyond-own");
        }
    }

    public Role find(long roleId) {
        return roles.find(roleId).orElseThrow(() -> new NotFoundException("role " + roleId));
    }

    /** Only declared objects and the actions they support; the scope only matters for owned objects. */
    private Map<String, RoleGrants.Grant> grants(RoleForm form) {
        Map<String, RoleGrants.Grant> grants = new LinkedHashMap<>();
        for (SecuredObject object : objects.all()) {
            Set<ObjectAction> chosen = form.actions() == null ? Set.of() : form.actions().getOrDefault(object.code(), Set.of());
            Set<ObjectAction> actions = EnumSet.noneOf(ObjectAction.class);
            chosen.stream().filter(object::supports).forEach(actions::add);
            if (!actions.isEmpty()) {
                ScopeLevel scope = object.owned() && form.scopes() != null
                        ? form.scopes().getOrDefault(object.code(), ScopeLevel.SELF) : ScopeLevel.ALL;
                grants.put(object.code(), new RoleGrants.Grant(actions, scope));
            }
        }
        return grants;
    }

    private static Map<String, Object> describe(Map<String, RoleGrants.Grant> grants) {
        Map<String, Object> out = new LinkedHashMap<>();
        grants.forEach((object, grant) -> out.put(object,
                grant.actions().stream().sorted().map(Enum::name).toList() + " " + grant.scope().name()));
        return out;
    }

    private void log(long actorId, String action, long id, String name, Map<String, Object> details) {
        events.publishEvent(new AdminOperation(actorId, action, ROLE, id, name, details));
    }
}
