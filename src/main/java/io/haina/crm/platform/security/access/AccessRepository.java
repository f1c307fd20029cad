package io.haina.crm.platform.security.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.org.OrgTables.Grants;
import io.haina.crm.platform.security.org.OrgTables.Roles;
import io.haina.crm.platform.security.org.OrgTables.UserRoles;

/** Reads roles and their grants. */
@Repository
public class AccessRepository {

    private final DSLContext db;

    AccessRepository(DSLContext db) {
        this.db = db;
    }

    /** The roles a user holds, with their grants: one query. */
    public List<RoleGrants> rolesOf(long userId) {
        Map<Long, Boolean> admin = new LinkedHashMap<>();
        Map<Long, Map<String, RoleGrants.Grant>> grants = new HashMap<>();
        db.select(Roles.ID, Roles.ADMINISTRATOR, Grants.OBJECT_CODE, Grants.ACTIONS, Grants.DATA_SCOPE)
                .from(UserRoles.TABLE)
                .join(Roles.TABLE).on(Roles.ID.eq(UserRoles.ROLE_ID))
                .leftJoin(Grants.TABLE).on(Grants.ROLE_ID.eq(Roles.ID))
                .where(UserRoles.USER_ID.eq(userId))
                .forEach(r -> {
                    admin.put(r.value1(), r.value2());
                    Map<String, RoleGrants.Grant> roleGrants = grants.computeIfAbsent(r.value1(), k -> new HashMap<>());
                    if (r.value3() != null) {
                        roleGrants.put(r.value3(), new RoleGrants.Grant(actions(r.value4()), ScopeLevel.valueOf(r.value5())));
                    }
                });
        return admin.entrySet().stream()
                .map(e -> new RoleGrants(e.getKey(), e.getValue(), grants.getOrDefault(e.getKey(), Map.of())))
                .toList();
    }

    public static Set<ObjectAction> actions(String[] names) {
        Set<ObjectAction> actions = EnumSet.noneOf(ObjectAction.class);
        if (names != null) {
            Arrays.stream(names).map(ObjectAction::valueOf).forEach(actions::add);
        }
        return actions;
    }
}
