package io.haina.crm.platform.notify.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Each user's unread count, kept by this app instance between changes, so that the bell on every
 * page costs no query (issue 3: it was one of a list page's ten round trips to the database).
 *
 * <p>A kept count is trusted only while this instance hears every change: {@link InboxChanges}
 * forgets the count here as its transaction commits, and the notice listener forgets it when the
 * NOTIFY of a change made on any instance arrives. While the listener is not connected, counts
 * are read from the database every time; when it connects again, everything kept is forgotten,
 * since changes may have been missed meanwhile. A count is therefore as fresh as the live count
 * the open pages are sent.
 *
 * <p>A reader that began before a change must not keep what it read: every change takes a number
 * from {@link #changes}, and a count read after number n is kept only if nothing later was
 * forgotten for that user, nor everything forgotten since.
 */
@Component
public class UnreadCounts {

    /** A user's count as read after change number {@code seen}; {@code UNKNOWN} when forgotten. */
    private record Known(int count, long seen) {
        static final int UNKNOWN = -1;
    }

    private final NotificationRepository notices;
    private final Map<Long, Known> counts = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    /** Counts read before this change number are not to be trusted (the listener reconnected). */
    private volatile long validFrom;
    private volatile boolean hearingEveryChange;

    UnreadCounts(NotificationRepository notices) {
        this.notices = notices;
    }

    public int of(long userId) {
        if (!hearingEveryChange) {
            return notices.countUnread(userId);
        }
        Known known = counts.get(userId);
        if (known != null && known.count() != Known.UNKNOWN && known.seen() >= validFrom) {
            return known.count();
        }
        long seen = changes.get();
        int count = notices.countUnread(userId);
        if (seen >= validFrom) {
            counts.compute(userId, (id, held) -> held == null || held.seen() <= seen ? new Known(count, seen) : held);
        }
        return count;
    }

    /** The user's count changed (committed): read it afresh next time. */
    public void changed(long userId) {
        counts.put(userId, new Known(Known.UNKNOWN, changes.incrementAndGet()));
    }

    /**
     * Changes may have been missed (the listener connected again, or tests emptied the tables):
     * nothing kept so far holds.
     */
    public void forgetAll() {
        validFrom = changes.incrementAndGet();
        counts.clear();
    }

    /** The listener hears every change from now on, or no longer does. */
    public void hearingEveryChange(boolean hearing) {
        if (hearing) {
            forgetAll();
        }
        hearingEveryChange = hearing;
    }
}
