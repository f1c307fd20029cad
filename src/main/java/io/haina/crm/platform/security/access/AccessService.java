package io.haina.crm.platform.security.access;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.security.DataScope;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.OwnerScope;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.org.OrgChartRepository;

/**
 * Permissions and data scopes, read fresh from the database on every call so that a changed role
 * or org chart applies at once. Within a web request, {@code SignedInUser} keeps the profile for
 * the request's duration.
 */
@Service
@Transactional(readOnly = true)
public class AccessService implements Permissions, DataScope {

    private final AccessRepository roles;
    private final OrgChartRepository orgCharts;

    AccessService(AccessRepository roles, OrgChartRepository orgCharts) {
        this.roles = roles;
        this.orgCharts = orgCharts;
    }

    public AccessProfile profileOf(long userId) {
        return RequestMemo.get("profile." + userId, () -> new AccessProfile(roles.rolesOf(userId)));
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
        return ScopeResolver.resolve(userId, scopes, RequestMemo.get("orgChart", orgCharts::load));
    }
}
