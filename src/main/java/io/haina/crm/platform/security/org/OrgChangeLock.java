package io.haina.crm.platform.security.org;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Changes to the shape of the organization (managers, department moves, statuses, roles) take
 * turns until their transaction ends. Each checks an invariant over several rows — no loop in the
 * manager chain, no loop in the tree, one active administrator left — that two changes made at
 * the same moment could each pass and together break.
 */
@Component
class OrgChangeLock {

    private static final long KEY = 0x4841494E41L; // "HAINA"

    private final DSLContext db;

    OrgChangeLock(DSLContext db) {
        this.db = db;
    }

    void hold() {
        db.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.val(KEY))).fetch();
    }
}
