package io.haina.crm.platform.notify.inbox;

import java.time.OffsetDateTime;
import java.util.List;

import io.haina.crm.platform.web.Messages;

/** A notice as kept: its text still a key with arguments, put together for whoever reads it. */
public record StoredNotice(long id, long userId, String kind, String messageKey, List<String> args, String link,
                           OffsetDateTime createdAt, OffsetDateTime readAt) {

    public String text(Messages msg) {
        return msg.t(messageKey, args.toArray());
    }

    public boolean unread() {
        return readAt == null;
    }
}
