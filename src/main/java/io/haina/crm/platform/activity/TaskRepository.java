package io.haina.crm.platform.activity;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The {@code task} table. */
@Repository
class TaskRepository {

    private static final Table<Record> TASK = table(name("task"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> TITLE = field(name("title"), String.class);
    private static final Field<String> DESCRIPTION = field(name("description"), String.class);
    private static final Field<OffsetDateTime> DUE_AT = field(name("due_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> REMIND_AT = field(name("remind_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> REMINDED_AT = field(name("reminded_at"), OffsetDateTime.class);
    private static final Field<String> PRIORITY = field(name("priority"), String.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<Long> ASSIGNEE = field(name("assignee_id"), Long.class);
    private static final Field<String> OBJECT = field(name("object_code"), String.class);
    private static final Field<Long> RECORD = field(name("record_id"), Long.class);
    private static final Field<Long> CREATED_BY = field(name("created_by"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> DONE_AT = field(name("done_at"), OffsetDateTime.class);
    private static final Field<Long> DONE_BY = field(name("done_by"), Long.class);
    private static final Field<Integer> VERSION = field(name("version"), Integer.class);

    private static final String OPEN = "open";
    private static final String DONE = "done";
    private static final String CANCELLED = "cancelled";

    private final DSLContext db;

    TaskRepository(DSLContext db) {
        this.db = db;
    }

    long insert(Checked task, long createdBy, OffsetDateTime now) {
        return db.insertInto(TASK).set(TITLE, task.title()).set(DESCRIPTION, task.description()).set(DUE_AT, task.dueAt())
                .set(REMIND_AT, task.remindAt()).set(PRIORITY, task.priority().code()).set(ASSIGNEE, task.assigneeId())
                .set(OBJECT, task.objectCode()).set(RECORD, task.recordId()).set(CREATED_BY, createdBy)
                .set(CREATED_AT, now).set(UPDATED_AT, now).returning(ID).fetchOne(ID);
    }

    /** Changes a task still at {@code version}; false when someone else changed it first. */
    boolean update(long id, int version, Checked task, boolean remindAgain, OffsetDateTime now) {
        var update = db.update(TASK).set(TITLE, task.title()).set(DESCRIPTION, task.description())
                .set(DUE_AT, task.dueAt()).set(REMIND_AT, task.remindAt()).set(PRIORITY, task.priority().code())
                .set(ASSIGNEE, task.assigneeId()).set(OBJECT, task.objectCode()).set(RECORD, task.recordId())
                .set(UPDATED_AT, now).set(VERSION, VERSION.plus(1));
        if (remindAgain) {
            update = update.setNull(REMINDED_AT);
        }
        return update.where(ID.eq(id)).and(VERSION.eq(version)).execute() == 1;
    }

    void markDone(long id, boolean done, long actorId, OffsetDateTime now) {
        db.update(TASK).set(STATUS, done ? DONE : OPEN).set(DONE_AT, done ? now : null).set(DONE_BY, done ? actorId : null)
                .set(UPDATED_AT, now).set(VERSION, VERSION.plus(1)).where(ID.eq(id)).execute();
    }

    /** Puts a record's tasks on another record: a merge. */
    int moveRecord(String objectCode, long fromId, long toId) {
        return db.update(TASK).set(RECORD, toId).where(OBJECT.eq(objectCode)).and(RECORD.eq(fromId)).execute();
    }

    /** Points the open tasks about one record at another record, maybe of another object; returns how many. */
    int moveOpen(String fromObject, long fromId, String toObject, long toId, OffsetDateTime now) {
        return db.update(TASK).set(OBJECT, toObject).set(RECORD, toId).set(UPDATED_AT, now).set(VERSION, VERSION.plus(1))
                .where(OBJECT.eq(fromObject)).and(RECORD.eq(fromId)).and(STATUS.eq(OPEN)).execute();
    }

    /**
     * Gives the open tasks about some records that one user was to do to another (records handed
     * over with their tasks), in one statement; returns how many.
     */
    int reassignOpen(String objectCode, java.util.Collection<Long> recordIds, long fromUserId, long toUserId, OffsetDateTime now) {
        if (recordIds.isEmpty()) {
            return 0;
        }
        return db.update(TASK).set(ASSIGNEE, toUserId).set(UPDATED_AT, now).set(VERSION, VERSION.plus(1))
                .where(OBJECT.eq(objectCode)).and(RECORD.in(recordIds)).and(ASSIGNEE.eq(fromUserId)).and(STATUS.eq(OPEN))
                .execute();
    }

    /**
     * Cancels the open tasks each record's previous owner had about it (records gone back to a
     * pool), in one statement however many records; returns how many.
     */
    int cancelOpen(String objectCode, java.util.Map<Long, Long> previousOwners, OffsetDateTime now) {
        if (previousOwners.isEmpty()) {
            return 0;
        }
        Long[] records = new Long[previousOwners.size()];
        Long[] owners = new Long[previousOwners.size()];
        int i = 0;
        for (var entry : previousOwners.entrySet()) {
            records[i] = entry.getKey();
            owners[i++] = entry.getValue();
        }
        return db.execute("""
                update task set status = {0}, done_at = {1}, updated_at = {1}, version = version + 1
                from unnest({2}, {3}) as r(record_id, owner_id)
                where task.object_code = {4} and task.record_id = r.record_id and task.assignee_id = r.owner_id
                  and task.status = {5}""", DSL.val(CANCELLED), DSL.val(now),
                DSL.val(records), DSL.val(owners),
                DSL.val(objectCode), DSL.val(OPEN));
    }

    /** Gives every open task of one user to another (a leaving user's work); returns how many. */
    int reassignAllOpen(long fromUserId, long toUserId, OffsetDateTime now) {
        return db.update(TASK).set(ASSIGNEE, toUserId).set(UPDATED_AT, now).set(VERSION, VERSION.plus(1))
                .where(ASSIGNEE.eq(fromUserId)).and(STATUS.eq(OPEN)).execute();
    }

    int countOpen(long assigneeId) {
        return db.fetchCount(TASK, ASSIGNEE.eq(assigneeId).and(STATUS.eq(OPEN)));
    }

    Optional<Task> find(long id) {
        return db.select(columns()).from(TASK).where(ID.eq(id)).fetchOptional(TaskRepository::toTask);
    }

    /** A record's tasks created before a point, newest first (see {@link FollowUpRepository#before}). */
    List<Task> ofRecordBefore(String objectCode, long recordId, OffsetDateTime beforeAt, long beforeId, int limit) {
        return db.select(columns()).from(TASK).where(OBJECT.eq(objectCode)).and(RECORD.eq(recordId))
                .and(DSL.row(CREATED_AT, ID).lt(beforeAt, beforeId)).orderBy(CREATED_AT.desc(), ID.desc()).limit(limit)
                .fetch(TaskRepository::toTask);
    }

    /** The user's open tasks, soonest due first. */
    List<Task> openOf(long assigneeId, int limit) {
        return db.select(columns()).from(TASK).where(ASSIGNEE.eq(assigneeId)).and(STATUS.eq(OPEN))
                .orderBy(DUE_AT, ID).limit(limit).fetch(TaskRepository::toTask);
    }

    /** Tasks the user does or asked for, open or closed (done or cancelled), latest due first: the task list. */
    List<Task> involving(long userId, boolean done, int limit) {
        Condition status = done ? STATUS.in(DONE, CANCELLED) : STATUS.eq(OPEN);
        return db.select(columns()).from(TASK).where(ASSIGNEE.eq(userId).or(CREATED_BY.eq(userId))).and(status)
                .orderBy(done ? DUE_AT.desc() : DUE_AT.asc(), ID).limit(limit).fetch(TaskRepository::toTask);
    }

    /** The user's tasks due in a period, open or done (not those cancelled): their calendar. */
    List<Task> dueBetween(long assigneeId, OffsetDateTime from, OffsetDateTime until) {
        return db.select(columns()).from(TASK).where(ASSIGNEE.eq(assigneeId)).and(DUE_AT.ge(from)).and(DUE_AT.lt(until))
                .and(STATUS.ne(CANCELLED))
                .orderBy(DUE_AT, ID).fetch(TaskRepository::toTask);
    }

    int countOpenDueBefore(long assigneeId, OffsetDateTime until) {
        return db.fetchCount(TASK, ASSIGNEE.eq(assigneeId).and(STATUS.eq(OPEN)).and(DUE_AT.lt(until)));
    }

    /**
     * Open tasks whose reminder time has come and that were not reminded yet, locked so that two
     * instances of the sweep never take the same one (the other skips it).
     */
    List<Task> lockDueReminders(OffsetDateTime now, int limit) {
        return db.select(columns()).from(TASK).where(STATUS.eq(OPEN)).and(REMINDED_AT.isNull()).and(REMIND_AT.le(now))
                .orderBy(REMIND_AT, ID).limit(limit).forUpdate().skipLocked().fetch(TaskRepository::toTask);
    }

    void markReminded(long id, OffsetDateTime now) {
        db.update(TASK).set(REMINDED_AT, now).where(ID.eq(id)).execute();
    }

    private static List<Field<?>> columns() {
        return List.of(ID, TITLE, DESCRIPTION, DUE_AT, REMIND_AT, REMINDED_AT, PRIORITY, STATUS, ASSIGNEE, OBJECT, RECORD,
                CREATED_BY, CREATED_AT, DONE_AT, VERSION);
    }

    private static Task toTask(Record r) {
        return new Task(r.get(ID), r.get(TITLE), r.get(DESCRIPTION), r.get(DUE_AT), r.get(REMIND_AT), r.get(REMINDED_AT),
                TaskPriority.of(r.get(PRIORITY)).orElse(TaskPriority.NORMAL), DONE.equals(r.get(STATUS)),
                CANCELLED.equals(r.get(STATUS)), r.get(ASSIGNEE),
                r.get(OBJECT), r.get(RECORD), r.get(CREATED_BY), r.get(CREATED_AT), r.get(DONE_AT), r.get(VERSION));
    }

    /** A task's values once checked. */
    record Checked(String title, String description, OffsetDateTime dueAt, OffsetDateTime remindAt, TaskPriority priority,
                   long assigneeId, String objectCode, Long recordId) {
    }
}
