package io.haina.crm.platform.notify.inbox;

import java.util.List;

/** One page of a user's notices, and whether there are more after it. */
public record InboxPage(List<StoredNotice> notices, int number, boolean hasMore, boolean unreadOnly) {

    public boolean hasPrevious() {
        return number > 1;
    }
}
