package io.haina.crm.platform.files;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The {@code stored_file} table. */
@Repository
class FileRepository {

    private static final Table<Record> FILE = table(name("stored_file"));
    private static final Field<Long> ID = field(name("stored_file", "id"), Long.class);
    private static final Field<String> NAME = field(name("stored_file", "name"), String.class);
    private static final Field<String> TYPE = field(name("stored_file", "content_type"), String.class);
    private static final Field<Long> SIZE = field(name("stored_file", "size"), Long.class);
    private static final Field<String> SHA256 = field(name("stored_file", "sha256"), String.class);
    private static final Field<byte[]> CONTENT = field(name("stored_file", "content"), byte[].class);
    private static final Field<Long> CREATED_BY = field(name("stored_file", "created_by"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("stored_file", "created_at"), OffsetDateTime.class);
    private static final Field<String> HOLDER_KIND = field(name("stored_file", "holder_kind"), String.class);
    private static final Field<String> HOLDER_OBJECT = field(name("stored_file", "holder_object"), String.class);
    private static final Field<Long> HOLDER_ID = field(name("stored_file", "holder_id"), Long.class);
    private static final Field<String> HOLDER_FIELD = field(name("stored_file", "holder_field"), String.class);
    private static final Field<OffsetDateTime> ATTACHED_AT = field(name("stored_file", "attached_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> REMOVED_AT = field(name("stored_file", "removed_at"), OffsetDateTime.class);

    private final DSLContext db;

    FileRepository(DSLContext db) {
        this.db = db;
    }

    long insert(String name, String contentType, byte[] content, String sha256, long createdBy, OffsetDateTime now) {
        return db.insertInto(FILE).set(NAME, name).set(TYPE, contentType).set(SIZE, (long) content.length)
                .set(SHA256, sha256).set(CONTENT, content).set(CREATED_BY, createdBy).set(CREATED_AT, now)
                .returning(ID).fetchOne(ID);
    }

    Optional<StoredFile> find(long id) {
        return db.select(columns()).from(FILE).where(ID.eq(id)).fetchOptional(FileRepository::toFile);
    }

    List<StoredFile> find(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : db.select(columns()).from(FILE).where(ID.in(ids)).orderBy(ID).fetch(FileRepository::toFile);
    }

    /** The files the holders (of one kind) hold now, oldest first. */
    List<StoredFile> heldBy(String kind, Collection<Long> holderIds) {
        if (holderIds.isEmpty()) {
            return List.of();
        }
        return db.select(columns()).from(FILE).where(HOLDER_KIND.eq(kind)).and(HOLDER_ID.in(holderIds))
                .and(REMOVED_AT.isNull()).orderBy(ID).fetch(FileRepository::toFile);
    }

    /** Which of the ids are the user's own uploads, not attached to anything yet; locked until the transaction ends. */
    List<Long> unattachedOf(long userId, Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : db.select(ID).from(FILE).where(ID.in(ids)).and(CREATED_BY.eq(userId))
                .and(HOLDER_KIND.isNull()).forUpdate().fetch(ID);
    }

    /** Attaches those of the ids that are the user's unattached uploads; how many that were. */
    int attach(long userId, FileHolder holder, Collection<Long> ids, OffsetDateTime now) {
        return db.update(FILE).set(HOLDER_KIND, holder.kind()).set(HOLDER_OBJECT, holder.object()).set(HOLDER_ID, holder.id())
                .set(HOLDER_FIELD, holder.field()).set(ATTACHED_AT, now)
                .where(ID.in(ids)).and(CREATED_BY.eq(userId)).and(HOLDER_KIND.isNull()).execute();
    }

    /** Files of the thing that another of its fields now holds (or another thing, as a merge moves them); how many. */
    int reattach(FileHolder from, FileHolder to, Collection<Long> ids) {
        return db.update(FILE).set(HOLDER_KIND, to.kind()).set(HOLDER_OBJECT, to.object()).set(HOLDER_ID, to.id())
                .set(HOLDER_FIELD, to.field()).where(ID.in(ids)).and(holding(from)).and(REMOVED_AT.isNull()).execute();
    }

    /** Lets go of the bytes of files the holder no longer has; the rest of the row stays, for the history. */
    int remove(FileHolder holder, Collection<Long> ids, OffsetDateTime now) {
        if (ids != null && ids.isEmpty()) {
            return 0;
        }
        return db.update(FILE).setNull(CONTENT).set(REMOVED_AT, now).where(holding(holder)).and(REMOVED_AT.isNull())
                .and(ids == null ? DSL.noCondition() : ID.in(ids)).execute();
    }

    /** Deletes uploads nobody attached that were made before the moment; how many. */
    int deleteUnattachedBefore(OffsetDateTime before) {
        return db.deleteFrom(FILE).where(HOLDER_KIND.isNull()).and(CREATED_AT.lt(before)).execute();
    }

    /** Part of a file's bytes (from 0); empty past its end, null once it was removed. */
    byte[] chunk(long id, long from, int length) {
        return db.select(DSL.field("substring({0} from {1} for {2})", byte[].class, CONTENT, DSL.val(Math.toIntExact(from + 1)),
                        DSL.val(length)))
                .from(FILE).where(ID.eq(id)).fetchOne(0, byte[].class);
    }

    private static Condition holding(FileHolder holder) {
        return HOLDER_KIND.eq(holder.kind()).and(HOLDER_ID.eq(holder.id()))
                .and(holder.object() == null ? HOLDER_OBJECT.isNull() : HOLDER_OBJECT.eq(holder.object()));
    }

    private static List<Field<?>> columns() {
        return List.of(ID, NAME, TYPE, SIZE, SHA256, CREATED_BY, CREATED_AT, HOLDER_KIND, HOLDER_OBJECT, HOLDER_ID, HOLDER_FIELD,
                REMOVED_AT);
    }

    private static StoredFile toFile(Record r) {
        String kind = r.get(HOLDER_KIND);
        FileHolder holder = kind == null ? null : new FileHolder(kind, r.get(HOLDER_OBJECT), r.get(HOLDER_ID), r.get(HOLDER_FIELD));
        return new StoredFile(r.get(ID), r.get(NAME), r.get(TYPE), r.get(SIZE), r.get(SHA256), r.get(CREATED_BY),
                r.get(CREATED_AT), holder, r.get(REMOVED_AT) != null);
    }
}
