package io.haina.crm.platform.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.FieldAccess;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;

/**
 * The related lists every object gets without declaring them: one for each lookup field of any
 * object that points at it (a contact's {@code customer_id} gives customers a "contacts" list).
 * A list is left out for a reader who may not view the child object, or from whom the lookup
 * field is hidden or masked (filtering on it would tell what it holds).
 */
@Component
@Order(0)
class LookupRelatedLists implements RelatedListSource {

    /** Columns beside the name: enough to recognise a row on a phone. */
    static final int COLUMNS = 3;

    private final ObjectRegistry objects;
    private final Permissions permissions;
    private final RecordAccess access;

    LookupRelatedLists(ObjectRegistry objects, Permissions permissions, RecordAccess access) {
        this.objects = objects;
        this.permissions = permissions;
        this.access = access;
    }

    @Override
    public List<RelatedList> listsFor(long actorId, ObjectDef parent) {
        return derive(objects.all(), parent.code()).stream()
                .filter(derived -> readable(actorId, derived)).map(Derived::list).toList();
    }

    /** A derived list and the child's lookup field it follows. */
    record Derived(RelatedList list, String lookupField) {
    }

    private boolean readable(long actorId, Derived derived) {
        String child = derived.list().childObject();
        return permissions.can(actorId, child, ObjectAction.VIEW)
                && access.require(actorId, child, ObjectAction.VIEW).field(derived.lookupField())
                .filter(f -> f.access() != FieldAccess.MASKED).isPresent();
    }

    /**
     * The lists the lookups of {@code objects} give {@code parentCode}, in the objects' order. A
     * child with two lookups to the parent (a customer and a partner) gets two lists, told apart
     * by the lookup's label.
     */
    static List<Derived> derive(List<ObjectDef> objects, String parentCode) {
        List<LookupReferences.Reference> references = LookupReferences.pointingAt(objects, parentCode);
        List<Derived> lists = new ArrayList<>();
        for (LookupReferences.Reference reference : references) {
            ObjectDef child = reference.object();
            FieldDef lookup = reference.field();
            boolean several = references.stream().filter(r -> r.object().code().equals(child.code())).count() > 1;
            List<String> columns = child.defaultColumns().stream()
                    .filter(c -> !c.equals(child.nameField()) && !c.equals(lookup.name())).limit(COLUMNS).toList();
            String field = lookup.name();
            lists.add(new Derived(new RelatedList(child.code() + "-" + field, child.labelKey() + ".plural",
                    several ? lookup.labelKey() : null, child.code(), columns,
                    parent -> field + " eq " + parent.id(),
                    parent -> Map.of(field, String.valueOf(parent.id()))), field));
        }
        return lists;
    }
}
