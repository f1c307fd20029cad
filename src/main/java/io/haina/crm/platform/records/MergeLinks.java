package io.haina.crm.platform.records;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * Which records were merged into which ({@code record_merge}): the kept record's history reads the
 * merged records' entries too. The merged entries stay where they were written, under their own
 * record and version, so that "what changed since the version you loaded" keeps meaning one record.
 */
@Component
class MergeLinks {

    private static final Table<Record> MERGE = table(name("record_merge"));
    private static final Field<String> OBJECT = field(name("object_code"), String.class);
    private static final Field<Long> MERGED = field(name("merged_id"), Long.class);
    private static final Field<Long> KEPT = field(name("kept_id"), Long.class);
    private static final Field<String> MERGED_NAME = field(name("merged_name"), String.class);
    private static final Field<Long> MERGED_BY = field(name("merged_by"), Long.class);
    private static final Field<OffsetDateTime> MERGED_AT = field(name("merged_at"), OffsetDateTime.class);

    private final DSLContext db;

    MergeLinks(DSLContext db) {
        this.db = db;
    }

    /**
     * Links a merged record to the one kept, and hands the kept record whatever had been merged
     * into the merged one before, so a record merged twice still shows every earlier history.
     */
    void link(String object, long keptId, long mergedId, String mergedName, long actorId, OffsetDateTime at) {
        db.update(MERGE).set(KEPT, keptId).where(OBJECT.eq(object)).and(KEPT.eq(mergedId)).execute();
        db.insertInto(MERGE).set(OBJECT, object).set(MERGED, mergedId).set(KEPT, keptId).set(MERGED_NAME, mergedName)
                .set(MERGED_BY, actorId).set(MERGED_AT, at).execute();
    }

    /** A merged record brought back from the recycle bin shows its own history again, and only there. */
    void unlink(String object, long mergedId) {
        db.deleteFrom(MERGE).where(OBJECT.eq(object)).and(MERGED.eq(mergedId)).execute();
    }

    /** The records merged into one, by id, with their names when merged. */
    Map<Long, String> mergedInto(String object, long keptId) {
        return db.select(MERGED, MERGED_NAME).from(MERGE).where(OBJECT.eq(object)).and(KEPT.eq(keptId)).fetchMap(MERGED, MERGED_NAME);
    }
}
