package io.haina.crm.platform.notify.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import io.haina.crm.platform.notify.inbox.NotifyTables.Mails;

/**
 * The e-mails of notices not sent yet, in {@code notification_mail}. An e-mail is claimed before
 * it is sent by moving its next attempt into the future in one statement, so that two workers (a
 * just-committed notice's own job and the retry sweep, or two app instances) never both send it.
 */
@Repository
class MailOutbox {

    /** The pause after the n-th failed attempt doubles from one minute up to this many minutes. */
    static final int MAX_PAUSE_MINUTES = 60;

    private final DSLContext db;

    MailOutbox(DSLContext db) {
        this.db = db;
    }

    /** One e-mail due, claimed by the caller. */
    record Claim(long id, long notificationId, int attempts, OffsetDateTime createdAt) {
    }

    long add(long notificationId, OffsetDateTime now) {
        return db.insertInto(Mails.TABLE)
                .set(Mails.NOTIFICATION_ID, notificationId)
                .set(Mails.NEXT_ATTEMPT_AT, now)
                .set(Mails.CREATED_AT, now)
                .returning(Mails.ID).fetchOne(Mails.ID);
    }

    /** Claims a pending e-mail whose attempt is due; empty when it was sent, given up, or claimed by another. */
    Optional<Claim> claim(long id, OffsetDateTime now) {
        return db.update(Mails.TABLE)
                .set(Mails.ATTEMPTS, Mails.ATTEMPTS.plus(1))
                // If this attempt fails (or its worker dies), the next one comes after the pause.
                .set(Mails.NEXT_ATTEMPT_AT, DSL.field("{0} + least(power(2, {1}), {2}) * interval '1 minute'",
                        OffsetDateTime.class, DSL.val(now), Mails.ATTEMPTS, DSL.inline(MAX_PAUSE_MINUTES)))
                .where(Mails.ID.eq(id)).and(Mails.STATUS.eq(Status.PENDING.name())).and(Mails.NEXT_ATTEMPT_AT.le(now))
                .returning(Mails.ID, Mails.NOTIFICATION_ID, Mails.ATTEMPTS, Mails.CREATED_AT)
                .fetchOptional(r -> new Claim(r.get(Mails.ID), r.get(Mails.NOTIFICATION_ID), r.get(Mails.ATTEMPTS),
                        r.get(Mails.CREATED_AT)));
    }

    /** Pending e-mails whose next attempt is due, oldest first. */
    List<Long> due(OffsetDateTime now, int limit) {
        return db.select(Mails.ID).from(Mails.TABLE)
                .where(Mails.STATUS.eq(Status.PENDING.name())).and(Mails.NEXT_ATTEMPT_AT.le(now))
                .orderBy(Mails.NEXT_ATTEMPT_AT).limit(limit)
                .fetch(Mails.ID);
    }

    void finish(long id, Status status, String error, OffsetDateTime now) {
        db.update(Mails.TABLE)
                .set(Mails.STATUS, status.name())
                .set(Mails.LAST_ERROR, error)
                .set(Mails.SENT_AT, status == Status.SENT ? now : null)
                .where(Mails.ID.eq(id))
                .execute();
    }

    /** A failed attempt: the error is kept, and the e-mail waits for its next attempt. */
    void failed(long id, String error) {
        db.update(Mails.TABLE).set(Mails.LAST_ERROR, error).where(Mails.ID.eq(id)).execute();
    }

    enum Status {
        PENDING, SENT, SKIPPED, FAILED
    }
}
