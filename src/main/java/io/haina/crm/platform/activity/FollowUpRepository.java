package io.haina.crm.platform.activity;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The {@code follow_up} and {@code follow_up_comment} tables. */
@Repository
class FollowUpRepository {

    static final Table<Record> FOLLOW_UP = table(name("follow_up"));
    static final Field<Long> ID = field(name("follow_up", "id"), Long.class);
    static final Field<String> OBJECT = field(name("follow_up", "object_code"), String.class);
    static final Field<Long> RECORD = field(name("follow_up", "record_id"), Long.class);
    static final Field<String> KIND = field(name("follow_up", "kind"), String.class);
    static final Field<String> CONTENT = field(name("follow_up", "content"), String.class);
    static final Field<Long[]> CONTACTS = field(name("follow_up", "contact_ids"), Long[].class);
    static final Field<OffsetDateTime> AT = field(name("follow_up", "happened_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> NEXT_AT = field(name("follow_up", "next_at"), OffsetDateTime.class);
    static final Field<Long> NEXT_TASK = field(name("follow_up", "next_task_id"), Long.class);
    static final Field<Long> AUTHOR = field(name("follow_up", "author_id"), Long.class);
    static final Field<OffsetDateTime> CREATED_AT = field(name("follow_up", "created_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> UPDATED_AT = field(name("follow_up", "updated_at"), OffsetDateTime.class);

    private static final Table<Record> COMMENT = table(name("follow_up_comment"));
    private static final Field<Long> COMMENT_ID = field(name("follow_up_comment", "id"), Long.class);
    private static final Field<Long> COMMENT_OF = field(name("follow_up_comment", "follow_up_id"), Long.class);
    private static final Field<Long> COMMENT_AUTHOR = field(name("follow_up_comment", "author_id"), Long.class);
    private static final Field<String> COMMENT_BODY = field(name("follow_up_comment", "body"), String.class);
    private static final Field<OffsetDateTime> COMMENT_AT = field(name("follow_up_comment", "created_at"), OffsetDateTime.class);

    private final DSLContext db;

    FollowUpRepository(DSLContext db) {
        this.db = db;
    }

    long insert(String objectCode, long recordId, Checked checked, Long nextTaskId, long authorId, OffsetDateTime now) {
        return db.insertInto(FOLLOW_UP).set(OBJECT, objectCode).set(RECORD, recordId).set(KIND, checked.kind().code())
                .set(CONTENT, checked.content()).set(CONTACTS, checked.contactIds().toArray(Long[]::new))
                .set(AT, checked.at()).set(NEXT_AT, checked.nextAt()).set(NEXT_TASK, nextTaskId).set(AUTHOR, authorId)
                .set(CREATED_AT, now).set(UPDATED_AT, now).returning(ID).fetchOne(ID);
    }

    void update(long id, Checked checked, OffsetDateTime now) {
        db.update(FOLLOW_UP).set(KIND, checked.kind().code()).set(CONTENT, checked.content())
                .set(CONTACTS, checked.contactIds().toArray(Long[]::new)).set(AT, checked.at()).set(UPDATED_AT, now)
                .where(ID.eq(id)).execute();
    }

    void delete(long id) {
        db.deleteFrom(FOLLOW_UP).where(ID.eq(id)).execute();
    }

    Optional<FollowUp> find(long id) {
        return db.select(columns()).from(FOLLOW_UP).where(ID.eq(id)).fetchOptional(FollowUpRepository::toFollowUp);
    }

    /**
     * A record's follow-ups older than a point, newest first: happened before {@code beforeAt}, or
     * then with a lower id than {@code beforeId}.
     */
    List<FollowUp> before(String objectCode, long recordId, OffsetDateTime beforeAt, long beforeId, int limit) {
        return db.select(columns()).from(FOLLOW_UP).where(OBJECT.eq(objectCode)).and(RECORD.eq(recordId))
                .and(DSL.row(AT, ID).lt(beforeAt, beforeId)).orderBy(AT.desc(), ID.desc()).limit(limit)
                .fetch(FollowUpRepository::toFollowUp);
    }

    /** When the record's latest follow-up happened. */
    Optional<OffsetDateTime> latestAt(String objectCode, long recordId) {
        return db.select(DSL.max(AT)).from(FOLLOW_UP).where(OBJECT.eq(objectCode)).and(RECORD.eq(recordId))
                .fetchOptional().map(r -> r.value1());
    }

    /** The follow-ups an author wrote in a period, for their calendar. */
    List<FollowUp> byAuthorBetween(long authorId, OffsetDateTime from, OffsetDateTime until) {
        return db.select(columns()).from(FOLLOW_UP).where(AUTHOR.eq(authorId)).and(AT.ge(from)).and(AT.lt(until))
                .orderBy(AT, ID).fetch(FollowUpRepository::toFollowUp);
    }

    /** Puts a record's follow-ups (and with them their comments) on another record: a merge. */
    int moveRecord(String objectCode, long fromId, long toId) {
        return db.update(FOLLOW_UP).set(RECORD, toId).where(OBJECT.eq(objectCode)).and(RECORD.eq(fromId)).execute();
    }

    /** Follow-ups that met a contact since merged into another now name the kept contact (once). */
    int replaceContact(long fromId, long toId) {
        return db.execute("""
                update follow_up set contact_ids = array(select distinct unnest(array_replace(contact_ids, {0}, {1})))
                where contact_ids @> array[{0}]""", DSL.val(fromId), DSL.val(toId));
    }

    long insertComment(long followUpId, long authorId, String body, OffsetDateTime now) {
        return db.insertInto(COMMENT).set(COMMENT_OF, followUpId).set(COMMENT_AUTHOR, authorId).set(COMMENT_BODY, body)
                .set(COMMENT_AT, now).returning(COMMENT_ID).fetchOne(COMMENT_ID);
    }

    /** The comments of several follow-ups, oldest first under each. */
    Map<Long, List<FollowUpComment>> commentsOf(Collection<Long> followUpIds) {
        if (followUpIds.isEmpty()) {
            return Map.of();
        }
        return db.select(COMMENT_ID, COMMENT_OF, COMMENT_AUTHOR, COMMENT_BODY, COMMENT_AT).from(COMMENT)
                .where(COMMENT_OF.in(followUpIds)).orderBy(COMMENT_ID)
                .fetch(r -> new FollowUpComment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())).stream()
                .collect(Collectors.groupingBy(FollowUpComment::followUpId));
    }

    private static List<Field<?>> columns() {
        return List.of(ID, OBJECT, RECORD, KIND, CONTENT, CONTACTS, AT, NEXT_AT, NEXT_TASK, AUTHOR, CREATED_AT, UPDATED_AT);
    }

    private static FollowUp toFollowUp(Record r) {
        Long[] contacts = r.get(CONTACTS);
        return new FollowUp(r.get(ID), r.get(OBJECT), r.get(RECORD), FollowUpKind.of(r.get(KIND)).orElseThrow(),
                r.get(CONTENT), contacts == null ? List.of() : Arrays.asList(contacts), r.get(AT), r.get(NEXT_AT),
                r.get(NEXT_TASK), r.get(AUTHOR), r.get(CREATED_AT), r.get(UPDATED_AT));
    }

    /** A follow-up's values once checked; its files are kept by the files module. */
    record Checked(FollowUpKind kind, String content, List<Long> contactIds, OffsetDateTime at, OffsetDateTime nextAt,
                   List<Long> fileIds) {
    }
}
