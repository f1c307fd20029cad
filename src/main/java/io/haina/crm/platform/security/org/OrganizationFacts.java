package io.haina.crm.platform.security.org;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.Organization;

@Component
class OrganizationFacts implements Organization {

    private final UserRepository users;

    OrganizationFacts(UserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<Long> departmentOf(long userId) {
        return users.findById(userId).map(UserAccount::departmentId);
    }

    @Override
    public Optional<String> displayNameOf(long userId) {
        return users.findById(userId).map(UserAccount::displayName);
    }

    @Override
    public boolean isActiveUser(long userId) {
        return users.findById(userId).map(UserAccount::active).orElse(false);
    }
}
