package io.haina.crm.platform.records;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Field-level history: each change is one row holding {field: [from, to]} as JSON, with who,
 * when, and the record version it produced (which is how a stale edit learns what it missed).
 * "When" comes from the application's clock, like the records' own times and follow-ups, so that
 * a timeline merging them keeps their order (the database's now() would differ in tests that move
 * time, and between servers whose clocks drift).
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
    /**
     * Reads changes back with their numbers as written: 5200.00 stays "5200.00", and a large
     * amount keeps its cents, where reading them as doubles gave "5200.0" and rounded past 15
     * digits (a stale edit's message, and the API's problem, show them).
     */
    private final ObjectReader changesReader;
    private final Clock clock;

    RecordHistory(DSLContext db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.changesReader = json.reader().with(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        this.clock = clock;
    }

    void record(String object, long recordId, Long actorId, String action, int version, List<FieldChange> changes) {
        Map<String, Object[]> body = body(changes);
        db.insertInto(HISTORY).set(OBJECT, object).set(RECORD, recordId).set(BY, actorId).set(ACTION, action)
                .set(VERSION, version).set(CHANGES, JSONB.valueOf(json.writeValueAsString(body)))
                .set(AT, java.time.OffsetDateTime.now(clock)).execute();
    }

    /** A record a pool took back: which, from whom, and the version that produced. */
    record Released(long recordId, long previousOwner, int version) {
    }

    /**
     * One history entry per record a pool took back, written in one statement (a nightly sweep
     * may return a hundred thousand records): the owner it had, the pool, the reason; by nobody.
     */
    void recordReleases(String object, String action, long poolId, String reason, List<Released> released) {
        if (released.isEmpty()) {
            return;
        }
        Long[] ids = released.stream().map(Released::recordId).toArray(Long[]::new);
        Long[] owners = released.stream().map(Released::previousOwner).toArray(Long[]::new);
        Integer[] versions = released.stream().map(Released::version).toArray(Integer[]::new);
        db.execute("""
                insert into record_history (object_code, record_id, changed_by, action, version, changes, changed_at)
                select {0}, r.id, null, {1}, r.version,
                       jsonb_build_object('owner_id', jsonb_build_array(r.owner, null),
                                          'pool_id', jsonb_build_array(null, {2}),
                                          'reason', jsonb_build_array(null, {3})),
                       {7}
                from unnest({4}, {5}, {6}) as r(id, owner, version)
                """, DSL.val(object), DSL.val(action), DSL.val(poolId), DSL.val(reason),
                DSL.val(ids), DSL.val(owners), DSL.val(versions), DSL.val(java.time.OffsetDateTime.now(clock)));
    }

    /** A change written by a step that touched many records at once: which record, the version it produced, what changed. */
    record Written(long recordId, int version, List<FieldChange> changes) {
    }

    /**
     * One entry per record, all by one actor with one action, in one statement however many there
     * are (a leaving user's fifty thousand customers handed over, a merged customer's contacts moved).
     */
    void recordEach(String object, Long actorId, String action, List<Written> written) {
        if (written.isEmpty()) {
            return;
        }
        Long[] ids = written.stream().map(Written::recordId).toArray(Long[]::new);
        Integer[] versions = written.stream().map(Written::version).toArray(Integer[]::new);
        String[] bodies = written.stream().map(w -> json.writeValueAsString(body(w.changes()))).toArray(String[]::new);
        db.execute("""
                insert into record_history (object_code, record_id, changed_by, action, version, changes)
                select {0}, r.id, {1}, {2}, r.version, r.changes::jsonb
                from unnest({3}, {4}, {5}) as r(id, version, changes)
                """, DSL.val(object), DSL.val(actorId, Long.class), DSL.val(action), DSL.val(ids), DSL.val(versions),
                DSL.val(bodies));
    }

    /**
     * The same change on many records (a leaving user's records handed over), one entry each, in
     * one statement that reads the change once.
     */
    void recordSame(String object, Long actorId, String action, List<Long> recordIds, List<Integer> versions,
                    List<FieldChange> changes) {
        if (recordIds.isEmpty()) {
            return;
        }
        db.execute("""
                insert into record_history (object_code, record_id, changed_by, action, version, changes)
                select {0}, r.id, {1}, {2}, r.version, {3}::jsonb
                from unnest({4}, {5}) as r(id, version)
                """, DSL.val(object), DSL.val(actorId, Long.class), DSL.val(action),
                DSL.val(json.writeValueAsString(body(changes))), DSL.val(recordIds.toArray(Long[]::new)),
                DSL.val(versions.toArray(Integer[]::new)));
    }

    private static Map<String, Object[]> body(List<FieldChange> changes) {
        Map<String, Object[]> body = new LinkedHashMap<>();
        changes.forEach(c -> body.put(c.field(), new Object[] {c.from(), c.to()}));
        return body;
    }

    /**
     * One entry of a record's history, newest first in lists; {@code recordId} is the record it was
     * written on, another than the one asked for when it came from a record merged into it.
     */
    record Entry(long id, long recordId, java.time.OffsetDateTime at, Long by, String action, List<FieldChange> changes) {
    }

    private static final Field<java.time.OffsetDateTime> AT = field(name("changed_at"), java.time.OffsetDateTime.class);

    /** The newest entries of the records (a record and those merged into it), newest first. */
    List<Entry> of(String object, java.util.Collection<Long> recordIds, int limit) {
        return db.select(ID, RECORD, AT, BY, ACTION, CHANGES).from(HISTORY).where(OBJECT.eq(object)).and(RECORD.in(recordIds))
                .orderBy(ID.desc()).limit(limit)
                .fetch(r -> new Entry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), parse(r.value6())));
    }

    /**
     * Entries older than a point, newest first by time, so that a timeline can merge them with
     * other entries by time: those written before {@code beforeAt}, or at that moment with a lower
     * id than {@code beforeId} (entries of one transaction share their moment).
     */
    List<Entry> before(String object, java.util.Collection<Long> recordIds, java.time.OffsetDateTime beforeAt, long beforeId,
                       int limit) {
        return db.select(ID, RECORD, AT, BY, ACTION, CHANGES).from(HISTORY).where(OBJECT.eq(object)).and(RECORD.in(recordIds))
                .and(DSL.row(AT, ID).lt(beforeAt, beforeId))
                .orderBy(AT.desc(), ID.desc()).limit(limit)
                .fetch(r -> new Entry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), parse(r.value6())));
    }

    private List<FieldChange> parse(JSONB changes) {
        List<FieldChange> list = new ArrayList<>();
        for (var entry : changesReader.readTree(changes.data()).properties()) {
            list.add(new FieldChange(entry.getKey(), plain(entry.getValue().get(0)), plain(entry.getValue().get(1))));
        }
        return list;
    }

    /** What changed after a version, per field: the value then and the value now (as JSON-shaped values). */
    List<FieldChange> changesSince(String object, long recordId, int version) {
        Map<String, Object[]> merged = new LinkedHashMap<>();
        db.select(CHANGES).from(HISTORY).where(OBJECT.eq(object)).and(RECORD.eq(recordId)).and(VERSION.gt(version))
                .orderBy(ID).fetch(CHANGES).forEach(changes -> {
                    JsonNode node = changesReader.readTree(changes.data());
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
