package io.haina.crm.platform.security.access;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.AccessVersion;
import io.haina.crm.platform.security.RequestMemo;

/** Reads the access version from its row (moved by triggers, migration V23), once per web request. */
@Component
class AccessVersionRow implements AccessVersion {

    private static final Table<Record> TABLE = table(name("access_version"));
    private static final Field<Long> VERSION = field(name("access_version", "version"), Long.class);

    private final DSLContext db;

    AccessVersionRow(DSLContext db) {
        this.db = db;
    }

    @Override
    public long current() {
        return RequestMemo.get("accessVersion", () -> db.select(VERSION).from(TABLE).fetchSingle(VERSION));
    }
}
