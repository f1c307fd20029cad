package io.haina.crm.platform.records;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.ObjectDef;

/**
 * The newest records matching a condition among those the actor may see: what a duplicate check
 * asks of the table, one indexed query however the match is defined.
 */
@Component
class VisibleMatches {

    private final DSLContext db;
    private final RecordAccess access;

    VisibleMatches(DSLContext db, RecordAccess access) {
        this.db = db;
        this.access = access;
    }

    List<Long> ids(long actorId, ObjectDef object, RecordTable t, Condition match) {
        return db.select(t.id).from(t.table).where(match).and(access.visible(actorId, object.code(), t))
                .orderBy(t.id.desc()).limit(PossibleDuplicates.MAX).fetch(t.id);
    }
}
