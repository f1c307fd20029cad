package io.haina.crm.platform.security.role;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.RoleDirectory;
import io.haina.crm.platform.security.access.AccessService;
import io.haina.crm.platform.web.Messages;

/** Role facts for other modules; a user's roles come from their access profile, kept per access version. */
@Component
class RoleDirectoryFacts implements RoleDirectory {

    private final RoleRepository roles;
    private final AccessService access;

    RoleDirectoryFacts(RoleRepository roles, AccessService access) {
        this.roles = roles;
        this.access = access;
    }

    @Override
    public Map<Long, String> roleNames(Messages msg) {
        Map<Long, String> names = new LinkedHashMap<>();
        roles.all().forEach(role -> names.put(role.id(), role.label(msg)));
        return names;
    }

    @Override
    public Set<Long> rolesOf(long userId) {
        return access.profileOf(userId).roleIds();
    }

    @Override
    public Set<Long> rolesGranting(long userId, String objectCode, ObjectAction action) {
        return access.profileOf(userId).rolesGranting(objectCode, action);
    }
}
