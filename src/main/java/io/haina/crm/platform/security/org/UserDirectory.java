package io.haina.crm.platform.security.org;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.security.DataScope;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.OwnerScope;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Reading users within the reader's grants: the list shows only the users the reader's data
 * scope on {@code user} reaches, and a user outside it is "not found" — the same answer as a
 * user who does not exist, so ids cannot be probed.
 */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

    public static final int PAGE_LIMIT = 500;

    private final UserRepository users;
    private final Permissions permissions;
    private final DataScope scopes;

    UserDirectory(UserRepository users, Permissions permissions, DataScope scopes) {
        this.users = users;
        this.permissions = permissions;
        this.scopes = scopes;
    }

    public List<UserAccount> list(long actorId, String query, Long departmentId, UserStatus status) {
        permissions.require(actorId, OrgObjects.USER, ObjectAction.VIEW);
        return users.list(visibleIds(actorId), query, departmentId, status, PAGE_LIMIT);
    }

    public UserAccount find(long actorId, long userId) {
        permissions.require(actorId, OrgObjects.USER, ObjectAction.VIEW);
        if (!scopes.visibleOwners(actorId, OrgObjects.USER).includes(userId)) {
            throw new NotFoundException("user " + userId);
        }
        return users.findById(userId).orElseThrow(() -> new NotFoundException("user " + userId));
    }

    /** Members of a department the actor may see; empty when they may not view users at all. */
    public List<UserAccount> visibleMembersOf(long actorId, long departmentId) {
        if (!permissions.can(actorId, OrgObjects.USER, ObjectAction.VIEW)) {
            return List.of();
        }
        return users.list(visibleIds(actorId), null, departmentId, null, PAGE_LIMIT);
    }

    /** The active users the actor may see, for pickers such as the manager of a user. */
    public List<UserAccount> activeUsersVisibleTo(long actorId) {
        if (!permissions.can(actorId, OrgObjects.USER, ObjectAction.VIEW)) {
            return List.of();
        }
        return users.list(visibleIds(actorId), null, null, UserStatus.ACTIVE, PAGE_LIMIT);
    }

    private Set<Long> visibleIds(long actorId) {
        return switch (scopes.visibleOwners(actorId, OrgObjects.USER)) {
            case OwnerScope.All all -> null;
            case OwnerScope.Owners owners -> owners.ids();
        };
    }
}
