package io.haina.crm.platform.records;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Field-level history: each change is one row holding {field: [from, to]} as JSON, with who,
 * when, and the record version it produced (which is how a stale edit learns what it missed).
 */
@Component
class RecordHistory {

    private static final Table<Record> HISTORY = table(name("record_history"));
    private static final Field<String> OBJECT = field(name("object_code"), String.class);
    private static final Field<Long> RECORD = field(name("record_id"), Long.class);
    private static final Field<Long> BY = field(name("changed_by"), Long.class);
    private static final Field<String> ACTION = field(name("action"), String.class);
    private static final Field<Integer> VERSION = field(name("version"), Integer.class);
    private static final Field<JSONB> CHANGES = field(name("changes"), JSONB.class);
    private static final Field<Long> ID = field(name("id"), Long.class);

    private final DSLContext db;
    private final JsonMapper json;

    RecordHistory(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    void record(String object, long recordId, long actorId, String action, int version, List<FieldChange> changes) {
        Map<String, Object[]> body = new LinkedHashMap<>();
        changes.forEach(c -> body.put(c.field(), new Object[] {c.from(), c.to()}));
        db.insertInto(HISTORY).set(OBJECT, object).set(RECORD, recordId).set(BY, actorId).set(ACTION, action)
                .set(VERSION, version).set(CHANGES, JSONB.valueOf(json.writeValueAsString(body))).execute();
    }

    /** One entry of a record's history, newest first in lists. */
    record Entry(java.time.OffsetDateTime at, Long by, String action, List<FieldChange> changes) {
    }

    List<Entry> of(String object, long recordId, int limit) {
        var at = field(name("changed_at"), java.time.OffsetDateTime.class);
        return db.select(at, BY, ACTION, CHANGES).from(HISTORY).where(OBJECT.eq(object)).and(RECORD.eq(recordId))
                .orderBy(ID.desc()).limit(limit)
                .fetch(r -> new Entry(r.value1(), r.value2(), r.value3(), parse(r.value4())));
    }

    private List<FieldChange> parse(JSONB changes) {
        List<FieldChange> list = new ArrayList<>();
        for (var entry : json.readTree(changes.data()).properties()) {
            list.add(new FieldChange(entry.getKey(), plain(entry.getValue().get(0)), plain(entry.getValue().get(1))));
        }
        return list;
    }

    /** What changed after a version, per field: the value then and the value now (as JSON-shaped values). */
    List<FieldChange> changesSince(String object, long recordId, int version) {
        Map<String, Object[]> merged = new LinkedHashMap<>();
        db.select(CHANGES).from(HISTORY).where(OBJECT.eq(object)).and(RECORD.eq(recordId)).and(VERSION.gt(version))
                .orderBy(ID).fetch(CHANGES).forEach(changes -> {
                    JsonNode node = json.readTree(changes.data());
                    for (var entry : node.properties()) {
                        Object from = plain(entry.getValue().get(0));
                        Object to = plain(entry.getValue().get(1));
                        merged.computeIfAbsent(entry.getKey(), k -> new Object[] {from, to})[1] = to;
                    }
                });
        List<FieldChange> result = new ArrayList<>();
        merged.forEach((field, fromTo) -> result.add(new FieldChange(field, fromTo[0], fromTo[1])));
        return result;
    }

    private static Object plain(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asString() : node.toString();
    }
}
