package io.haina.crm.demo;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the demo records' beginnings into the past: a CRM whose every customer was created a
 * minute ago looks dead. The record engine stamps creation with the present (as it must), so
 * this one step writes the tables directly, and only here, in the demo: the creation time, the
 * owner's "since" (what pool rules measure) and the "created" entry of the history.
 */
@Component
class DemoBackdating {

    private final DSLContext db;

    DemoBackdating(DSLContext db) {
        this.db = db;
    }

    @Transactional
    void backdate(String table, String objectCode, Map<Long, OffsetDateTime> since) {
        Long[] ids = since.keySet().toArray(Long[]::new);
        OffsetDateTime[] times = since.values().toArray(OffsetDateTime[]::new);
        db.execute("""
                update {0} r set created_at = v.at, owner_since = case when r.owner_since is null then null else v.at end
                from unnest({1}, {2}) as v(id, at) where r.id = v.id and v.at < r.created_at
                """, DSL.name(table), DSL.val(ids), DSL.val(times));
        db.execute("""
                update record_history h set changed_at = v.at
                from unnest({0}, {1}) as v(id, at)
                where h.object_code = {2} and h.record_id = v.id and h.action = 'CREATED' and v.at < h.changed_at
                """, DSL.val(ids), DSL.val(times), DSL.val(objectCode));
    }
}
