package io.haina.crm.platform.security.access;

import org.springframework.stereotype.Service;

import io.haina.crm.platform.security.AccessCache;
import io.haina.crm.platform.security.AccessVersion;
import io.haina.crm.platform.security.RequestMemo;
import io.haina.crm.platform.security.DataScope;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.OwnerScope;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.org.OrgCharts;

/**
 * Permissions and data scopes. A user's merged grants and the org chart are kept per
 * {@link AccessVersion}, so a changed role or org chart applies from the next request on, while
 * an unchanged one costs a request one read of the version. Within a web request each is looked
 * up once. No transaction of its own: each load is one statement (the chart's two reads need not
 * agree to the millisecond), and a check spares the request a commit.
 */
@Service
public class AccessService implements Permissions, DataScope {

    /** A profile is a few hundred bytes; this many cover every active user of a large company. */
    private static final int PROFILES_KEPT = 20_000;

    private final AccessRepository roles;
    private final OrgCharts orgCharts;
    private final AccessCache<Long, AccessProfile> profiles;

    AccessService(AccessRepository roles, OrgCharts orgCharts, AccessVersion version) {
        this.roles = roles;
        this.orgCharts = orgCharts;
        this.profiles = new AccessCache<>(version, PROFILES_KEPT);
    }

    public AccessProfile profileOf(long userId) {
        return RequestMemo.get("profile." + userId,
                () -> profiles.get(userId, id -> new AccessProfile(roles.rolesOf(id))));
    }

    @Override
    public boolean can(long userId, String objectCode, ObjectAction action) {
        return profileOf(userId).can(objectCode, action);
    }

    @Override
    public boolean isAdministrator(long userId) {
        return profileOf(userId).administrator();
    }

    @Override
    public OwnerScope visibleOwners(long userId, String objectCode) {
        return visibleOwners(userId, objectCode, profileOf(userId));
    }

    public OwnerScope visibleOwners(long userId, String objectCode, AccessProfile profile) {
        var scopes = profile.viewScopes(objectCode);
        if (scopes.isEmpty()) {
            return OwnerScope.none();
        }
        return ScopeResolver.resolve(userId, scopes, orgCharts.current());
    }
}
