package io.haina.crm.platform.notify.inbox;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every app instance that a user's unread count changed, through PostgreSQL's NOTIFY on
 * {@value #CHANNEL} with the user's id. NOTIFY is transactional: it is delivered when the
 * surrounding transaction commits and dropped if it rolls back, and repeated identical payloads in
 * one transaction arrive once — so a bulk assignment of 3,000 leads to one rep wakes their pages
 * once, after the commit, on whichever instance they are connected to. This instance's
 * {@link UnreadCounts} forgets the count as the transaction commits, without waiting for the
 * NOTIFY to come back, so that the user's next page shows the new count.
 */
@Component
public class InboxChanges {

    public static final String CHANNEL = "haina_notices";

    private final DSLContext db;
    private final UnreadCounts counts;

    InboxChanges(DSLContext db, UnreadCounts counts) {
        this.db = db;
        this.counts = counts;
    }

    public void announce(long userId) {
        db.fetch("select pg_notify(?, ?)", CHANNEL, Long.toString(userId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counts.changed(userId);
                }
            });
        } else {
            counts.changed(userId);
        }
    }
}
