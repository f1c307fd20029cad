package io.haina.crm.platform.security.org;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.Organization;

@Component
class OrganizationFacts implements Organization {

    /** A choice list longer than this is no use to anyone; a typeahead replaces it when companies grow. */
    private static final int ACTIVE_USERS_SHOWN = 1000;

    private final UserRepository users;
    private final OrgCharts charts;

    OrganizationFacts(UserRepository users, OrgCharts charts) {
        this.users = users;
        this.charts = charts;
    }

    @Override
    public Set<Long> subordinatesOf(long userId) {
        return charts.current().subordinatesOf(userId);
    }

    @Override
    public Map<Long, String> activeUsers() {
        Map<Long, String> names = new LinkedHashMap<>();
        users.list(null, null, null, UserStatus.ACTIVE, ACTIVE_USERS_SHOWN)
                .forEach(user -> names.put(user.id(), user.displayName()));
        return names;
    }

    @Override
    public ZoneId timeZoneOf(long userId) {
        return users.findById(userId).map(UserAccount::zone).orElse(DEFAULT_ZONE);
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
