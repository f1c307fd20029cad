package io.haina.crm.platform.security.org;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.security.AdminOperation;
import io.haina.crm.platform.security.DataScope;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.access.AccessService;
import io.haina.crm.platform.security.auth.PasswordPolicy;
import io.haina.crm.platform.security.auth.SessionTerminator;
import io.haina.crm.platform.security.role.Role;
import io.haina.crm.platform.security.role.RoleRepository;
import io.haina.crm.platform.security.setup.SetupService;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Changes to users: create, edit, status, password reset, roles. Besides the role's grant and data
 * scope, four rules keep the organization safe: nobody changes their own status or roles; only an
 * administrator touches an administrator or hands out an administrator role; the last active
 * administrator stays one; a manager chain never loops.
 */
@Service
@Transactional
public class UserAdminService {

    private final UserRepository users;
    private final DepartmentRepository departments;
    private final RoleRepository roles;
    private final OrgChartRepository charts;
    private final Permissions permissions;
    private final AccessService access;
    private final DataScope scopes;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder encoder;
    private final SessionTerminator sessions;
    private final ApplicationEventPublisher events;
    private final OrgChangeLock lock;

    UserAdminService(UserRepository users, DepartmentRepository departments, RoleRepository roles,
                     OrgChartRepository charts, Permissions permissions, AccessService access, DataScope scopes,
                     PasswordPolicy passwordPolicy, PasswordEncoder encoder, SessionTerminator sessions,
                     ApplicationEventPublisher events, OrgChangeLock lock) {
        this.users = users;
        this.departments = departments;
        this.roles = roles;
        this.charts = charts;
        this.permissions = permissions;
        this.access = access;
        this.scopes = scopes;
        this.passwordPolicy = passwordPolicy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.events = events;
        this.lock = lock;
    }

    public long create(long actorId, UserForm form) {
        permissions.require(actorId, OrgObjects.USER, ObjectAction.CREATE);
        Set<Long> roleIds = Set.copyOf(form.roleIdsOrEmpty());
        if (!roleIds.isEmpty()) {
            requireMayAssign(actorId, Set.of(), roleIds);
        }
        InputChecks checks = new InputChecks();
        String username = checks.required("username", form.username(), 64);
        if (username != null && !username.matches(SetupService.USERNAME_PATTERN)) {
            checks.add("username", "validation.username");
        }
        if (username != null && !checks.hasProblem("username") && users.usernameTaken(username, null)) {
            checks.add("username", "user.error.username-taken");
        }
        UserProfile profile = checkedProfile(checks, form, null);
        passwordPolicy.problem(form.password(), username).ifPresent(key -> checks.add("password", key, PasswordPolicy.MIN_LENGTH));
        checks.throwIfAny();
        long id = users.insert(new NewUser(username, profile.displayName(), profile.email(), profile.phone(),
                profile.position(), profile.departmentId(), profile.managerId(), null), encoder.encode(form.password()));
        roles.replaceRolesOf(id, roleIds);
        log(actorId, "USER_CREATED", id, profile.displayName(), DepartmentService.details("username", username,
                "departmentId", profile.departmentId(), "managerId", profile.managerId(), "roleIds", List.copyOf(roleIds)));
        return id;
    }

    public void update(long actorId, long userId, UserForm form) {
        UserAccount current = requireEditable(actorId, userId);
        InputChecks checks = new InputChecks();
        UserProfile profile = checkedProfile(checks, form, userId);
        checks.throwIfAny();
        boolean movesSelf = actorId == userId && (!Objects.equals(current.departmentId(), profile.departmentId())
                || !Objects.equals(current.managerId(), profile.managerId()));
        if (movesSelf && !permissions.isAdministrator(actorId)) {
            // Department and manager decide whose records one sees: nobody widens their own reach.
            throw new ConflictException("user.error.own-placement");
        }
        if (form.version() == null || !users.update(userId, form.version(), profile)) {
            throw new ConflictException("validation.stale", current.displayName());
        }
        log(actorId, "USER_UPDATED", userId, profile.displayName(), changes(current, profile));
    }

    public void changeStatus(long actorId, long userId, UserStatus status) {
        UserAccount current = requireTakeoverAllowed(actorId, userId);
        if (actorId == userId) {
            throw new ConflictException("user.error.own-status");
        }
        if (current.status() == status) {
            return;
        }
        if (status != UserStatus.ACTIVE) {
            requireNotLastAdministrator(userId);
        }
        users.setStatus(userId, status);
        if (status != UserStatus.ACTIVE) {
            sessions.signOutEverywhere(userId, current.username(), true);
        }
        log(actorId, "USER_STATUS_CHANGED", userId, current.displayName(),
                DepartmentService.details("from", current.status().name(), "to", status.name()));
    }

    public void resetPassword(long actorId, long userId, String newPassword) {
        UserAccount current = requireTakeoverAllowed(actorId, userId);
        InputChecks checks = new InputChecks();
        passwordPolicy.problem(newPassword, current.username()).ifPresent(key -> checks.add("password", key, PasswordPolicy.MIN_LENGTH));
        checks.throwIfAny();
        users.setPasswordHash(userId, encoder.encode(newPassword));
        sessions.signOutEverywhere(userId, current.username(), true);
        log(actorId, "USER_PASSWORD_RESET", userId, current.displayName(), Map.of());
    }

    public void setRoles(long actorId, long userId, Set<Long> roleIds) {
        UserAccount current = requireEditable(actorId, userId);
        if (actorId == userId) {
            throw new ConflictException("user.error.own-roles");
        }
        Set<Long> before = Set.copyOf(roles.roleIdsOf(userId));
        if (before.equals(roleIds)) {
            return;
        }
        requireMayAssign(actorId, before, roleIds);
        roles.replaceRolesOf(userId, roleIds);
        if (roles.activeAdministrators().isEmpty()) {
            throw new ConflictException("user.error.last-admin");
        }
        log(actorId, "USER_ROLES_CHANGED", userId, current.displayName(),
                DepartmentService.details("from", List.copyOf(before), "to", List.copyOf(roleIds)));
    }

    private UserAccount requireEditable(long actorId, long userId) {
        permissions.require(actorId, OrgObjects.USER, ObjectAction.EDIT);
        lock.hold();
        if (!scopes.visibleOwners(actorId, OrgObjects.USER).includes(userId)) {
            throw new NotFoundException("user " + userId);
        }
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("user " + userId));
        if (actorId != userId && permissions.isAdministrator(userId) && !permissions.isAdministrator(actorId)) {
            throw new AccessDeniedException("only an administrator changes an administrator");
        }
        return user;
    }

    /**
     * Setting someone's password or status is taking over (or shutting out) their account: only for
     * someone who already holds everything that account holds.
     */
    private UserAccount requireTakeoverAllowed(long actorId, long userId) {
        UserAccount user = requireEditable(actorId, userId);
        if (actorId != userId && !access.profileOf(actorId).coversProfile(access.profileOf(userId))) {
            throw new AccessDeniedException("the account holds more than the actor");
        }
        return user;
    }

    private void requireMayAssign(long actorId, Set<Long> before, Set<Long> after) {
        permissions.require(actorId, OrgObjects.ROLE, ObjectAction.ASSIGN);
        Set<Long> changed = new HashSet<>(before);
        changed.addAll(after);
        changed.removeIf(id -> before.contains(id) && after.contains(id));
        var actorProfile = access.profileOf(actorId);
        for (Long roleId : changed) {
            Role role = roles.find(roleId).orElseThrow(() -> new NotFoundException("role " + roleId));
            if (role.administrator() && !actorProfile.administrator()) {
                throw new AccessDeniedException("only an administrator hands out an administrator role");
            }
            if (!actorProfile.covers(roles.grantsOf(roleId))) {
                throw new ConflictException("user.error.role-beyond-own", role.name());
            }
        }
    }

    private void requireNotLastAdministrator(long userId) {
        List<Long> admins = roles.activeAdministrators();
        if (admins.size() == 1 && admins.contains(userId)) {
            throw new ConflictException("user.error.last-admin");
        }
    }

    private UserProfile checkedProfile(InputChecks checks, UserForm form, Long userId) {
        String displayName = checks.required("displayName", form.displayName(), 100);
        String email = checks.email("email", form.email(), false);
        if (email != null && !checks.hasProblem("email") && users.emailTaken(email, userId)) {
            checks.add("email", "user.error.email-taken");
        }
        String phone = checks.phone("phone", form.phone());
        String position = checks.optional("position", form.position(), 100);
        if (form.departmentId() != null && departments.find(form.departmentId()).isEmpty()) {
            checks.add("departmentId", "department.error.parent-missing");
        }
        if (form.managerId() != null) {
            if (Objects.equals(form.managerId(), userId)) {
                checks.add("managerId", "user.error.manager-self");
            } else if (users.findById(form.managerId()).isEmpty()) {
                checks.add("managerId", "user.error.manager-missing");
            } else if (userId != null && charts.load().managerWouldCycle(userId, form.managerId())) {
                checks.add("managerId", "user.error.manager-cycle");
            }
        }
        return new UserProfile(displayName, email, phone, position, form.departmentId(), form.managerId());
    }

    private static Map<String, Object> changes(UserAccount before, UserProfile after) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>();
        put(changed, "displayName", before.displayName(), after.displayName());
        put(changed, "email", before.email(), after.email());
        put(changed, "phone", before.phone(), after.phone());
        put(changed, "position", before.position(), after.position());
        put(changed, "departmentId", before.departmentId(), after.departmentId());
        put(changed, "managerId", before.managerId(), after.managerId());
        return changed;
    }

    private static void put(Map<String, Object> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> change = new java.util.LinkedHashMap<>();
            change.put("from", before);
            change.put("to", after);
            changed.put(field, change);
        }
    }

    private void log(long actorId, String action, long id, String name, Map<String, Object> details) {
        events.publishEvent(new AdminOperation(actorId, action, OrgObjects.USER, id, name, details));
    }
}
