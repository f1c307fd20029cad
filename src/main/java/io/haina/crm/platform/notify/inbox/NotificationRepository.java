package io.haina.crm.platform.notify.inbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import io.haina.crm.platform.notify.Notice;
import io.haina.crm.platform.notify.inbox.NotifyTables.Notices;

/**
 * Reads and writes {@code notification}. Every read and change names the user whose notices it
 * touches, so that nobody reaches another user's notices by id.
 */
@Repository
public class NotificationRepository {

    private final DSLContext db;

    NotificationRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(Notice notice, OffsetDateTime now) {
        return db.insertInto(Notices.TABLE)
                .set(Notices.USER_ID, notice.recipientId())
                .set(Notices.KIND, notice.kind().code())
                .set(Notices.MESSAGE_KEY, notice.messageKey())
                .set(Notices.ARGS, notice.args().toArray(String[]::new))
                .set(Notices.LINK, notice.link())
                .set(Notices.CREATED_AT, now)
                .returning(Notices.ID).fetchOne(Notices.ID);
    }

    public int countUnread(long userId) {
        return db.fetchCount(Notices.TABLE, Notices.USER_ID.eq(userId).and(Notices.READ_AT.isNull()));
    }

    /** A page of the user's notices, newest first; only the unread ones if asked. */
    public List<StoredNotice> list(long userId, boolean unreadOnly, int offset, int limit) {
        Condition where = Notices.USER_ID.eq(userId);
        if (unreadOnly) {
            where = where.and(Notices.READ_AT.isNull());
        }
        return db.select().from(Notices.TABLE).where(where)
                .orderBy(Notices.CREATED_AT.desc(), Notices.ID.desc())
                .offset(offset).limit(limit)
                .fetch(NotificationRepository::toNotice);
    }

    /** Any user's notice, for its e-mail; pages use {@link #findOf}. */
    public Optional<StoredNotice> find(long id) {
        return db.select().from(Notices.TABLE).where(Notices.ID.eq(id)).fetchOptional(NotificationRepository::toNotice);
    }

    public Optional<StoredNotice> findOf(long userId, long id) {
        return db.select().from(Notices.TABLE).where(Notices.ID.eq(id)).and(Notices.USER_ID.eq(userId))
                .fetchOptional(NotificationRepository::toNotice);
    }

    /** Marks one of the user's unread notices read; whether it was unread. */
    public boolean markRead(long userId, long id, OffsetDateTime now) {
        return db.update(Notices.TABLE).set(Notices.READ_AT, now)
                .where(Notices.ID.eq(id)).and(Notices.USER_ID.eq(userId)).and(Notices.READ_AT.isNull())
                .execute() == 1;
    }

    public int markAllRead(long userId, OffsetDateTime now) {
        return db.update(Notices.TABLE).set(Notices.READ_AT, now)
                .where(Notices.USER_ID.eq(userId)).and(Notices.READ_AT.isNull())
                .execute();
    }

    private static StoredNotice toNotice(Record r) {
        String[] args = r.get(Notices.ARGS);
        return new StoredNotice(r.get(Notices.ID), r.get(Notices.USER_ID), r.get(Notices.KIND), r.get(Notices.MESSAGE_KEY),
                args == null ? List.of() : List.of(args), r.get(Notices.LINK), r.get(Notices.CREATED_AT),
                r.get(Notices.READ_AT));
    }
}
