package io.haina.crm.platform.notify.inbox;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Tells every app instance that a user's unread count changed, through PostgreSQL's NOTIFY on
 * {@value #CHANNEL} with the user's id. NOTIFY is transactional: it is delivered when the
 * surrounding transaction commits and dropped if it rolls back, and repeated identical payloads in
 * one transaction arrive once — so a bulk assignment of 3,000 leads to one rep wakes their pages
 * once, after the commit, on whichever instance they are connected to.
 */
@Component
public class InboxChanges {

    public static final String CHANNEL = "haina_notices";

    private final DSLContext db;

    InboxChanges(DSLContext db) {
        this.db = db;
    }

    public void announce(long userId) {
        db.fetch("select pg_notify(?, ?)", CHANNEL, Long.toString(userId));
    }
}
