package io.haina.crm.platform.security.role;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.RoleDirectory;
import io.haina.crm.platform.web.Messages;

@Component
class RoleDirectoryFacts implements RoleDirectory {

    private final RoleRepository roles;

    RoleDirectoryFacts(RoleRepository roles) {
        this.roles = roles;
    }

    @Override
    public Map<Long, String> roleNames(Messages msg) {
        Map<Long, String> names = new LinkedHashMap<>();
        roles.all().forEach(role -> names.put(role.id(), role.label(msg)));
        return names;
    }

    @Override
    public Set<Long> rolesOf(long userId) {
        return Set.copyOf(roles.roleIdsOf(userId));
    }
}
