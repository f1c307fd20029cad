package io.haina.crm.platform.security.org;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.AccessCache;
import io.haina.crm.platform.security.AccessVersion;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.UserContact;

@Component
class OrganizationFacts implements Organization {

    /** A choice list longer than this is no use to anyone; a typeahead replaces it when companies grow. */
    private static final int ACTIVE_USERS_SHOWN = 1000;

    private final UserRepository users;
    private final OrgCharts charts;
    private final AccessCache<Boolean, Map<Long, String>> activeUsers;

    OrganizationFacts(UserRepository users, OrgCharts charts, AccessVersion version) {
        this.users = users;
        this.charts = charts;
        this.activeUsers = new AccessCache<>(version, 1);
    }

    @Override
    public Set<Long> subordinatesOf(long userId) {
        return charts.current().subordinatesOf(userId);
    }

    @Override
    public Map<Long, String> activeUsers() {
        // Every list page offers these (owner filter, bulk transfer): kept until a user is added,
        // renamed, moved or switched off, which moves the access version.
        return activeUsers.get(Boolean.TRUE, any -> {
            Map<Long, String> names = new LinkedHashMap<>();
            users.list(null, null, null, UserStatus.ACTIVE, ACTIVE_USERS_SHOWN)
                    .forEach(user -> names.put(user.id(), user.displayName()));
            return Collections.unmodifiableMap(names);
        });
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
    public Optional<UserContact> contactOf(long userId) {
        return users.contactOf(userId);
    }

    @Override
    public boolean isActiveUser(long userId) {
        return users.findById(userId).map(UserAccount::active).orElse(false);
    }
}
