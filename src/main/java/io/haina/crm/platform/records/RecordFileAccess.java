package io.haina.crm.platform.records;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.files.FileHolder;
import io.haina.crm.platform.files.FileHolderAccess;
import io.haina.crm.platform.metadata.FieldAccess;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.security.ObjectAction;

/**
 * Who may download a file of a record: whoever may read the record — the grant, the data scope, the
 * record's team, an open pool, as for reading it — and sees the field that holds the file (not
 * hidden nor masked by their field permissions). A deleted record's files are nobody's to download.
 */
@Component
class RecordFileAccess implements FileHolderAccess {

    private final RecordAccess access;
    private final DSLContext db;

    RecordFileAccess(RecordAccess access, DSLContext db) {
        this.access = access;
        this.db = db;
    }

    @Override
    public String kind() {
        return FileHolder.RECORD;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayRead(long actorId, FileHolder holder) {
        if (holder.object() == null || holder.field() == null || !access.mayView(actorId, holder.object())) {
            return false;
        }
        ObjectDef seen = access.require(actorId, holder.object(), ObjectAction.VIEW);
        if (seen.field(holder.field()).filter(field -> field.access() != FieldAccess.MASKED).isEmpty()) {
            return false;
        }
        RecordTable t = new RecordTable(seen);
        return db.fetchExists(t.table, t.id.eq(holder.id()).and(access.visible(actorId, holder.object(), t)));
    }
}
