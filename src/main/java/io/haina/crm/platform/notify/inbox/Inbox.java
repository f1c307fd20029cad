package io.haina.crm.platform.notify.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.web.NotFoundException;

/**
 * A user's own notices: what the bell and the notifications page show, and marking them read.
 * Another user's notice answers as if it did not exist.
 */
@Service
@Transactional
public class Inbox {

    /** What the bell's menu lists. */
    public static final int LATEST = 10;
    public static final int PAGE_SIZE = 20;

    private final NotificationRepository notices;
    private final InboxChanges changes;
    private final Clock clock;

    Inbox(NotificationRepository notices, InboxChanges changes, Clock clock) {
        this.notices = notices;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public int unreadCount(long userId) {
        return notices.countUnread(userId);
    }

    @Transactional(readOnly = true)
    public List<StoredNotice> latest(long userId) {
        return notices.list(userId, false, 0, LATEST);
    }

    /** One page (from 1) of the user's notices, newest first, perhaps only the unread ones. */
    @Transactional(readOnly = true)
    public InboxPage page(long userId, boolean unreadOnly, int page) {
        int number = Math.max(1, page);
        List<StoredNotice> found = notices.list(userId, unreadOnly, (number - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        return new InboxPage(more ? found.subList(0, PAGE_SIZE) : found, number, more, unreadOnly);
    }

    /** Marks the user's notice read and returns it, to follow its link. */
    public StoredNotice open(long userId, long id) {
        StoredNotice notice = notices.findOf(userId, id).orElseThrow(() -> new NotFoundException("notification " + id));
        if (notice.unread() && notices.markRead(userId, id, now())) {
            changes.announce(userId);
        }
        return notice;
    }

    public void markRead(long userId, long id) {
        if (notices.markRead(userId, id, now())) {
            changes.announce(userId);
        } else if (notices.findOf(userId, id).isEmpty()) {
            throw new NotFoundException("notification " + id);
        }
    }

    public void markAllRead(long userId) {
        if (notices.markAllRead(userId, now()) > 0) {
            changes.announce(userId);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
