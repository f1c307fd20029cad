package io.haina.crm.platform.security.role;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.ObjectAction;
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

    @Override
    public Set<Long> rolesGranting(long userId, String objectCode, ObjectAction action) {
        return roles.roleIdsOf(userId).stream().filter(role -> {
            var grant = roles.grantsOf(role).get(objectCode);
            return grant != null && grant.actions().contains(action);
        }).collect(Collectors.toUnmodifiableSet());
    }
}
