package io.haina.crm.testsupport;

import java.util.List;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.haina.crm.platform.notify.Notice;
import io.haina.crm.platform.notify.Notifications;
import io.haina.crm.platform.notify.inbox.Inbox;
import io.haina.crm.platform.notify.inbox.StoredNotice;

/**
 * Notices in tests: sent the way a business change sends them, inside a transaction that commits
 * or one that rolls back; and what a user has received.
 */
public class TestNotices {

    private final Notifications notifications;
    private final Inbox inbox;
    private final TransactionTemplate tx;

    TestNotices(Notifications notifications, Inbox inbox, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.inbox = inbox;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Sends the notices in one transaction that commits; the id of the last. */
    public long commit(Notice... notices) {
        return tx.execute(status -> {
            long id = 0;
            for (Notice notice : notices) {
                id = notifications.send(notice);
            }
            return id;
        });
    }

    /** Sends the notice in a transaction that then rolls back. */
    public void rollBack(Notice notice) {
        tx.executeWithoutResult(status -> {
            notifications.send(notice);
            status.setRollbackOnly();
        });
    }

    /** The user's latest notices, newest first. */
    public List<StoredNotice> of(long userId) {
        return inbox.latest(userId);
    }

    public int unread(long userId) {
        return inbox.unreadCount(userId);
    }
}
