package io.haina.crm.platform.records;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.web.InputChecks;

/**
 * The records lookup fields point at, through the eyes of whoever reads or sets them: a target is
 * reachable when it exists, is not deleted and the actor may view it — the very grant, data scope
 * and record team rules of reading it ({@link RecordAccess}). Names are fetched one query per
 * target object for a whole page, and only for targets the reader may see.
 */
@Service
// One statement per target object: joins the caller's transaction, opens none (see RecordFinder).
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class LookupTargets {

    private final RecordAccess access;
    private final DSLContext db;
    private final RecordFinder finder;

    LookupTargets(RecordAccess access, DSLContext db, RecordFinder finder) {
        this.access = access;
        this.db = db;
        this.finder = finder;
    }

    /** The names of what the records' lookup fields point at, as far as the reader may see them. */
    public LookupNames namesFor(long readerId, ObjectDef object, Collection<RecordData> records) {
        return names(readerId, new LookupIds().addAll(object, records));
    }

    /** The names of the gathered targets, one query per target object, as far as the reader may see them. */
    public LookupNames names(long readerId, LookupIds ids) {
        Map<String, Map<Long, String>> names = new HashMap<>();
        ids.byObject().forEach((objectCode, some) -> names.put(objectCode, visibleNames(readerId, objectCode, some)));
        return new LookupNames(names);
    }

    /** Whether the actor may point a lookup at this record: it is live and they may view it. */
    public boolean reachable(long actorId, String objectCode, long id) {
        if (!access.mayView(actorId, objectCode)) {
            return false;
        }
        RecordTable t = new RecordTable(access.object(objectCode));
        return db.fetchExists(t.table, t.id.eq(id).and(access.visible(actorId, objectCode, t)));
    }

    /**
     * The typeahead of a lookup field: the first records of the target object the list's quick
     * search finds for the text (in the name, a code, an e-mail, a phone), under the actor's own
     * grant and scope; none when they may not view the object. Not counted: it runs per keystroke.
     */
    public List<LookupChoice> choices(long actorId, String objectCode, String text, int limit) {
        if (!access.mayView(actorId, objectCode)) {
            return List.of();
        }
        ObjectDef target = finder.describe(actorId, objectCode);
        RecordPage page = finder.list(actorId, objectCode,
                new RecordListRequest(text, null, Scene.ALL, null, null, limit).withoutTotal());
        return page.items().stream().map(record -> LookupChoice.of(target, record)).toList();
    }

    /**
     * The records of the object the actor may view whose name is the text (ignoring case), at most
     * {@code limit}: how an import reads a lookup column that names its target.
     */
    public List<Long> named(long actorId, String objectCode, String name, int limit) {
        if (!access.mayView(actorId, objectCode)) {
            return List.of();
        }
        ObjectDef target = access.object(objectCode);
        return finder.matching(actorId, objectCode, Map.of(target.nameField(), name), limit).stream()
                .map(RecordData::id).toList();
    }

    /**
     * Adds a refusal for every lookup value the actor may not set. A value the record already has
     * is not checked again: who may no longer see a record's target can still edit its other fields.
     * Missing and not visible read the same, so the message tells nothing about records one cannot see.
     */
    void check(long actorId, ObjectDef object, Map<String, Object> values, RecordData current, InputChecks checks) {
        for (FieldDef field : object.fields()) {
            if (field.type() instanceof FieldType.Lookup lookup && values.get(field.name()) instanceof Long id
                    && (current == null || !Objects.equals(current.get(field.name()), id))
                    && !reachable(actorId, lookup.targetObject(), id)) {
                checks.add(field.name(), "validation.lookup");
            }
        }
    }

    private Map<Long, String> visibleNames(long readerId, String objectCode, Collection<Long> ids) {
        if (ids.isEmpty() || !access.mayView(readerId, objectCode)) {
            return Map.of();
        }
        ObjectDef target = access.object(objectCode);
        RecordTable t = new RecordTable(target);
        Field<String> name = t.column(target.nameField(), String.class);
        Map<Long, String> names = new HashMap<>();
        db.select(t.id, name).from(t.table).where(t.id.in(ids)).and(access.visible(readerId, objectCode, t))
                .forEach(r -> names.put(r.value1(), Objects.toString(r.value2(), "#" + r.value1())));
        return names;
    }
}
