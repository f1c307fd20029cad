package io.haina.crm.platform.notify.send;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.notify.Notice;
import io.haina.crm.platform.notify.Notifications;
import io.haina.crm.platform.notify.inbox.InboxChanges;
import io.haina.crm.platform.notify.inbox.NotificationRepository;
import io.haina.crm.platform.notify.mail.MailQueue;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.UserContact;
import io.haina.crm.platform.web.SupportedLanguages;

/**
 * Stores a notice and what follows from it, all in the caller's transaction: the row, the NOTIFY
 * that wakes the recipient's open pages (delivered by PostgreSQL only on commit), and the e-mail
 * in the outbox with the job that sends it (scheduled in the same transaction). So nothing of a
 * notice is seen or sent before the business change that caused it commits, and a rollback takes
 * all of it back.
 */
@Service
@Transactional
class NoticeSender implements Notifications {

    private final Organization organization;
    private final NotificationRepository notices;
    private final InboxChanges changes;
    private final MailQueue mails;
    private final MessageSource messages;
    private final Clock clock;

    NoticeSender(Organization organization, NotificationRepository notices, InboxChanges changes, MailQueue mails,
                 MessageSource messages, Clock clock) {
        this.organization = organization;
        this.notices = notices;
        this.changes = changes;
        this.mails = mails;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public long send(Notice notice) {
        UserContact to = organization.contactOf(notice.recipientId())
                .orElseThrow(() -> new IllegalArgumentException("no user " + notice.recipientId() + " to notify"));
        // A typo in a key would show the recipient ??key??: fail the sender's tests instead.
        if (messages.getMessage(notice.messageKey(), null, null, SupportedLanguages.DEFAULT) == null) {
            throw new IllegalArgumentException("no message " + notice.messageKey() + " for a notice");
        }
        long id = notices.insert(notice, OffsetDateTime.now(clock));
        changes.announce(notice.recipientId());
        if (notice.email() && to.wantsEmail()) {
            mails.add(id);
        }
        return id;
    }
}
