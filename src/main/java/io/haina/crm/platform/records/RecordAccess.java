package io.haina.crm.platform.records;

import org.jooq.Condition;
import org.jooq.impl.DSL;
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
 * the action, and only records whose owner is in the actor's data scope are reachable.
 */
@Component
class RecordAccess {

    private final ObjectRegistry objects;
    private final Permissions permissions;
    private final DataScope scopes;

    RecordAccess(ObjectRegistry objects, Permissions permissions, DataScope scopes) {
        this.objects = objects;
        this.permissions = permissions;
        this.scopes = scopes;
    }

    /** The object, once the actor is known to hold the action on it. */
    ObjectDef require(long actorId, String objectCode, ObjectAction action) {
        ObjectDef object = object(objectCode);
        permissions.require(actorId, objectCode, action);
        return object;
    }

    /** Every declared object, for what spans them all (the recycle bin). */
    java.util.List<ObjectDef> objects() {
        return objects.all();
    }

    ObjectDef object(String objectCode) {
        return objects.find(objectCode).orElseThrow(() -> new NotFoundException("object " + objectCode));
    }

    /** Live records whose owner the actor may see. */
    Condition visible(long actorId, String objectCode, RecordTable t) {
        Condition owners = switch (scopes.visibleOwners(actorId, objectCode)) {
            case OwnerScope.All all -> DSL.noCondition();
            case OwnerScope.Owners some -> some.ids().isEmpty() ? DSL.falseCondition() : t.ownerId.in(some.ids());
        };
        return t.deletedAt.isNull().and(owners);
    }

    boolean isAdministrator(long actorId) {
        return permissions.isAdministrator(actorId);
    }
}
