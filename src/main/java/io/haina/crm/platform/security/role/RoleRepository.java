package io.haina.crm.platform.security.role;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.access.AccessRepository;
import io.haina.crm.platform.security.access.RoleGrants;
import io.haina.crm.platform.security.org.OrgTables.Grants;
import io.haina.crm.platform.security.org.OrgTables.Roles;
import io.haina.crm.platform.security.org.OrgTables.UserRoles;
import io.haina.crm.platform.security.org.OrgTables.Users;

/** Reads and writes roles, their grants and who holds them. */
@Repository
public class RoleRepository {

    private final DSLContext db;

    RoleRepository(DSLContext db) {
        this.db = db;
    }

    public List<Role> all() {
        return db.select().from(Roles.TABLE).orderBy(Roles.ADMINISTRATOR.desc(), Roles.NAME).fetch(RoleRepository::toRole);
    }

    public Optional<Role> find(long id) {
        return db.select().from(Roles.TABLE).where(Roles.ID.eq(id)).fetchOptional(RoleRepository::toRole);
    }

    public Optional<Role> findByCode(String code) {
        return db.select().from(Roles.TABLE).where(Roles.CODE.eq(code)).fetchOptional(RoleRepository::toRole);
    }

    public boolean nameTaken(String name, Long exceptId) {
        Condition same = DSL.lower(Roles.NAME).eq(name.toLowerCase(Locale.ROOT));
        return db.fetchExists(Roles.TABLE, exceptId == null ? same : same.and(Roles.ID.ne(exceptId)));
    }

    public long insert(String code, String name, String description, boolean administrator) {
        return db.insertInto(Roles.TABLE).set(Roles.CODE, code).set(Roles.NAME, name)
                .set(Roles.DESCRIPTION, description).set(Roles.ADMINISTRATOR, administrator)
                .returning(Roles.ID).fetchOne(Roles.ID);
    }

    public boolean update(long id, int expectedVersion, String name, String description) {
        return db.update(Roles.TABLE).set(Roles.NAME, name).set(Roles.DESCRIPTION, description)
                .set(Roles.UPDATED_AT, OffsetDateTime.now()).set(Roles.VERSION, Roles.VERSION.plus(1))
                .where(Roles.ID.eq(id)).and(Roles.VERSION.eq(expectedVersion)).execute() == 1;
    }

    public void delete(long id) {
        db.deleteFrom(Roles.TABLE).where(Roles.ID.eq(id)).execute();
    }

    public Map<String, RoleGrants.Grant> grantsOf(long roleId) {
        Map<String, RoleGrants.Grant> grants = new LinkedHashMap<>();
        db.select(Grants.OBJECT_CODE, Grants.ACTIONS, Grants.DATA_SCOPE).from(Grants.TABLE)
                .where(Grants.ROLE_ID.eq(roleId))
                .forEach(r -> grants.put(r.value1(), new RoleGrants.Grant(AccessRepository.actions(r.value2()),
                        io.haina.crm.platform.security.ScopeLevel.valueOf(r.value3()))));
        return grants;
    }

    public void replaceGrants(long roleId, Map<String, RoleGrants.Grant> grants) {
        db.deleteFrom(Grants.TABLE).where(Grants.ROLE_ID.eq(roleId)).execute();
        grants.forEach((object, grant) -> {
            if (!grant.actions().isEmpty()) {
                db.insertInto(Grants.TABLE).set(Grants.ROLE_ID, roleId).set(Grants.OBJECT_CODE, object)
                        .set(Grants.ACTIONS, grant.actions().stream().sorted().map(Enum::name).toArray(String[]::new))
                        .set(Grants.DATA_SCOPE, grant.scope().name()).execute();
            }
        });
    }

    public List<Long> roleIdsOf(long userId) {
        return db.select(UserRoles.ROLE_ID).from(UserRoles.TABLE).where(UserRoles.USER_ID.eq(userId))
                .fetch(UserRoles.ROLE_ID);
    }

    /** Role names per user, for the user list. */
    public Map<Long, List<String>> roleNamesOf(Collection<Long> userIds) {
        Map<Long, List<String>> names = new LinkedHashMap<>();
        db.select(UserRoles.USER_ID, Roles.NAME).from(UserRoles.TABLE).join(Roles.TABLE).on(Roles.ID.eq(UserRoles.ROLE_ID))
                .where(UserRoles.USER_ID.in(userIds)).orderBy(Roles.NAME)
                .forEach(r -> names.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>()).add(r.value2()));
        return names;
    }

    public void replaceRolesOf(long userId, Set<Long> roleIds) {
        db.deleteFrom(UserRoles.TABLE).where(UserRoles.USER_ID.eq(userId)).execute();
        for (Long roleId : roleIds) {
            db.insertInto(UserRoles.TABLE).set(UserRoles.USER_ID, userId).set(UserRoles.ROLE_ID, roleId).execute();
        }
    }

    public int holderCount(long roleId) {
        return db.fetchCount(UserRoles.TABLE, UserRoles.ROLE_ID.eq(roleId));
    }

    /** Active users holding an administrator role: the last one may not lose it. */
    public List<Long> activeAdministrators() {
        return db.selectDistinct(Users.ID).from(Users.TABLE)
                .join(UserRoles.TABLE).on(UserRoles.USER_ID.eq(Users.ID))
                .join(Roles.TABLE).on(Roles.ID.eq(UserRoles.ROLE_ID))
                .where(Roles.ADMINISTRATOR.isTrue()).and(Users.STATUS.eq("ACTIVE"))
                .fetch(Users.ID);
    }

    private static Role toRole(Record r) {
        return new Role(r.get(Roles.ID), r.get(Roles.CODE), r.get(Roles.NAME), r.get(Roles.DESCRIPTION),
                r.get(Roles.ADMINISTRATOR), r.get(Roles.VERSION));
    }
}
