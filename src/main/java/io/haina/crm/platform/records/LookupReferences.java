package io.haina.crm.platform.records;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;

/**
 * Every lookup field of every object that points at a record, found in the metadata (a contact's
 * customer, a lead's converted customer, an opportunity's customer once opportunities exist), so
 * that a merge can point them all at the record kept. Records in the recycle bin move too: one
 * restored later must not point at a record that was merged away.
 */
@Component
class LookupReferences {

    private final ObjectRegistry objects;
    private final DSLContext db;
    private final RecordHistory history;
    private final Clock clock;

    LookupReferences(ObjectRegistry objects, DSLContext db, RecordHistory history, Clock clock) {
        this.objects = objects;
        this.db = db;
        this.history = history;
        this.clock = clock;
    }

    /** A lookup field and the object it belongs to. */
    record Reference(ObjectDef object, FieldDef field) {
    }

    /** The lookup fields pointing at records of an object, of every object (the object itself too). */
    List<Reference> to(String targetCode) {
        return pointingAt(objects.all(), targetCode);
    }

    /** The lookup fields among these objects' fields that point at records of the target, in the objects' order. */
    static List<Reference> pointingAt(List<ObjectDef> objects, String targetCode) {
        List<Reference> references = new ArrayList<>();
        for (ObjectDef object : objects) {
            for (FieldDef field : object.fields()) {
                if (field.type() instanceof FieldType.Lookup(String target) && target.equals(targetCode)) {
                    references.add(new Reference(object, field));
                }
            }
        }
        return references;
    }

    /**
     * Points every lookup at {@code fromId} at {@code toId} instead, one statement per lookup field;
     * each record moved gets a new version and a history entry with the reason. Returns how many
     * records moved.
     */
    Map<String, List<Long>> move(String targetCode, long fromId, long toId, long actorId, String reason) {
        Map<String, List<Long>> moved = new LinkedHashMap<>();
        for (Reference reference : to(targetCode)) {
            RecordTable t = new RecordTable(reference.object());
            var column = t.of(reference.field());
            var rows = db.update(t.table).set(column, (Object) toId).set(t.version, t.version.plus(1))
                    .set(t.updatedBy, actorId).set(t.updatedAt, OffsetDateTime.now(clock))
                    .where(column.eq(fromId)).returning(t.id, t.version).fetch();
            List<RecordHistory.Written> written = new ArrayList<>(rows.size());
            for (Record row : rows) {
                written.add(new RecordHistory.Written(row.get(t.id), row.get(t.version), SystemRecords.withReason(
                        List.of(new FieldChange(reference.field().name(), fromId, toId)), reason)));
            }
            history.recordEach(reference.object().code(), actorId, "UPDATED", written);
            moved.computeIfAbsent(reference.object().code(), code -> new ArrayList<>()).addAll(rows.getValues(t.id));
        }
        return moved;
    }
}
