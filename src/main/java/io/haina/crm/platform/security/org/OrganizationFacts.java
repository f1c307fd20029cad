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
    private final CachedAccounts accounts;
    private final OrgCharts charts;
    private final AccessCache<Boolean, Map<Long, String>> activeUsers;

    private final DepartmentRepository departments;

    OrganizationFacts(UserRepository users, CachedAccounts accounts, OrgCharts charts, AccessVersion version,
                      DepartmentRepository departments) {
        this.departments = departments;
        this.users = users;
        this.accounts = accounts;
        this.charts = charts;
        this.activeUsers = new AccessCache<>(version, 1);
    }

    @Override
    public Optional<Long> managerOf(long userId) {
        return users.findById(userId).map(UserAccount::managerId).filter(this::isActiveUser);
    }

    @Override
    public Set<Long> subordinatesOf(long userId) {
        return charts.current().subordinatesOf(userId);
    }

    @Override
    public Map<Long, String> departmentNames() {
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        departments.all().forEach(d -> names.put(d.id(), d.name()));
        return names;
    }

    @Override
    public Set<Long> usersUnder(long departmentId) {
        OrgChart chart = charts.current();
        return chart.membersOf(chart.departmentWithDescendants(departmentId));
    }

    @Override
    public Set<Long> departmentLineOf(long userId) {
        return charts.current().departmentLineOf(userId);
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
        // Asked by every filtered list ("today" is the actor's today): kept, not read each time.
        return accounts.find(userId).map(UserAccount::zone).orElse(DEFAULT_ZONE);
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

    @Override
    public boolean hasResigned(long userId) {
        return users.findById(userId).map(u -> u.status() == UserStatus.RESIGNED).orElse(false);
    }
}
