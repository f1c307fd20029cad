package io.haina.crm.platform.security.access;

import java.util.HashSet;
import java.util.Set;

import io.haina.crm.platform.security.OwnerScope;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.org.OrgChart;

/** Turns scope levels into owner ids on an org chart. */
public final class ScopeResolver {

    private ScopeResolver() {
    }

    public static OwnerScope resolve(long userId, Set<ScopeLevel> levels, OrgChart chart) {
        if (levels.contains(ScopeLevel.ALL)) {
            return OwnerScope.all();
        }
        Set<Long> owners = new HashSet<>();
        for (ScopeLevel level : levels) {
            owners.addAll(owners(userId, level, chart));
        }
        return OwnerScope.owners(owners);
    }

    private static Set<Long> owners(long userId, ScopeLevel level, OrgChart chart) {
        Long department = chart.departmentOf(userId);
        return switch (level) {
            case SELF -> Set.of(userId);
            case SELF_AND_SUBORDINATES -> {
                Set<Long> team = new HashSet<>(chart.subordinatesOf(userId));
                team.add(userId);
                yield team;
            }
            // A user outside any department still owns their own records.
            case DEPARTMENT -> department == null ? Set.of(userId) : withSelf(chart.membersOf(Set.of(department)), userId);
            case DEPARTMENT_AND_CHILDREN -> department == null ? Set.of(userId)
                    : withSelf(chart.membersOf(chart.departmentWithDescendants(department)), userId);
            case ALL -> chart.allUsers();
        };
    }

    private static Set<Long> withSelf(Set<Long> users, long userId) {
        Set<Long> result = new HashSet<>(users);
        result.add(userId);
        return result;
    }
}
