package io.haina.crm.platform.notify.inbox;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.UnreadNotices;

/** The count on the bell of every page, for the signed-in user. */
@Component
class UnreadNoticeCounter implements UnreadNotices {

    private final CurrentUsers users;
    private final UnreadCounts counts;

    UnreadNoticeCounter(CurrentUsers users, UnreadCounts counts) {
        this.users = users;
        this.counts = counts;
    }

    @Override
    public int ofCurrentUser() {
        return users.current().map(user -> counts.of(user.id())).orElse(0);
    }
}
