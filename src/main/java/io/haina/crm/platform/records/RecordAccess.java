package io.haina.crm.platform.records;

import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.security.DataScope;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.OwnerScope;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.NotFoundException;

/**
 * The access rules every read and write of records passes: the object exists, the role grants
 * the action, only records whose owner is in the actor's data scope (or on whose team the actor
 * is) are reachable, and only the fields the actor's roles let them see.
 */
@Component
class RecordAccess {

    private final ObjectRegistry objects;
    private final Permissions permissions;
    private final DataScope scopes;
    private final FieldPermissions fields;
    private final RecordTeam team;
    private final PoolMembership pools;

    RecordAccess(ObjectRegistry objects, Permissions permissions, DataScope scopes, FieldPermissions fields,
                 RecordTeam team, ObjectProvider<PoolMembership> pools) {
        this.pools = pools.getIfAvailable(() -> PoolMembership.NONE);
        this.objects = objects;
        this.permissions = permissions;
        this.scopes = scopes;
        this.fields = fields;
        this.team = team;
    }

    /**
     * The object as the actor may see it, once they are known to hold the action on it: fields
     * their roles hide are not in it at all, read-only and masked ones are marked so.
     */
    ObjectDef require(long actorId, String objectCode, ObjectAction action) {
        ObjectDef object = object(objectCode);
        permissions.require(actorId, objectCode, action);
        return fields.tailor(actorId, object);
    }

    /** Every declared object, for what spans them all (the recycle bin). */
    java.util.List<ObjectDef> objects() {
        return objects.all();
    }

    ObjectDef object(String objectCode) {
        return objects.find(objectCode).orElseThrow(() -> new NotFoundException("object " + objectCode));
    }

    /**
     * Live records the actor may see: the owner is in their data scope, or they are on the record's
     * team, or the record sits in a pool open to them.
     */
    Condition visible(long actorId, String objectCode, RecordTable t) {
        return t.deletedAt.isNull().and(reachable(actorId, objectCode, t, false));
    }

    /** Live records the actor may change, given the grant: owner in scope, or on the team with edit access. */
    Condition changeable(long actorId, String objectCode, RecordTable t) {
        return t.deletedAt.isNull().and(reachable(actorId, objectCode, t, true));
    }

    /** Live records whose owner is in the actor's data scope: those whose team they may manage. */
    Condition inScope(long actorId, String objectCode, RecordTable t) {
        return t.deletedAt.isNull().and(switch (scopes.visibleOwners(actorId, objectCode)) {
            case OwnerScope.All all -> DSL.noCondition();
            case OwnerScope.Owners some -> some.ids().isEmpty() ? DSL.falseCondition() : t.ownerId.in(some.ids());
        });
    }

    private Condition reachable(long actorId, String objectCode, RecordTable t, boolean toEdit) {
        return switch (scopes.visibleOwners(actorId, objectCode)) {
            case OwnerScope.All all -> DSL.noCondition();
            case OwnerScope.Owners some -> (some.ids().isEmpty() ? DSL.falseCondition() : t.ownerId.in(some.ids()))
                    .or(team.includes(actorId, objectCode, t, toEdit))
                    .or(toEdit ? DSL.falseCondition() : inOpenPool(actorId, objectCode, t));
        };
    }

    /** Records in the pools open to the actor; "none" (no subquery, no list) for objects without pools. */
    private Condition inOpenPool(long actorId, String objectCode, RecordTable t) {
        if (!object(objectCode).pooled()) {
            return DSL.falseCondition();
        }
        var open = pools.poolsOpenTo(actorId, objectCode);
        return open.isEmpty() ? DSL.falseCondition() : t.poolId().in(open);
    }

    /** Whether the actor's roles let them view records of the object (false for an object that does not exist). */
    boolean mayView(long actorId, String objectCode) {
        return objects.find(objectCode).isPresent() && permissions.can(actorId, objectCode, ObjectAction.VIEW);
    }

    boolean isAdministrator(long actorId) {
        return permissions.isAdministrator(actorId);
    }
}
