package io.haina.crm.platform.notify.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.notify.inbox.NotificationRepository;
import io.haina.crm.platform.notify.inbox.StoredNotice;
import io.haina.crm.platform.notify.mail.MailOutbox.Claim;
import io.haina.crm.platform.notify.mail.MailOutbox.Status;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.UserContact;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends the e-mails of the outbox, outside any transaction (an SMTP server may take its time).
 * Each attempt is claimed first; a failure keeps the e-mail with its error for the next attempt,
 * until it is older than {@link MailSettings#retryFor()}. The recipient is read at sending time:
 * one who has lost their address or switched e-mails off meanwhile gets none.
 */
@Component
class NoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);
    /** E-mails one run of the retry sweep sends at the most; the next run takes the rest. */
    static final int BATCH = 100;

    private final MailOutbox outbox;
    private final NotificationRepository notices;
    private final Organization organization;
    private final NoticeMailWriter writer;
    private final MailSettings settings;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;

    NoticeMailer(MailOutbox outbox, NotificationRepository notices, Organization organization, NoticeMailWriter writer,
                 MailSettings settings, ObjectProvider<JavaMailSender> sender, Clock clock) {
        this.outbox = outbox;
        this.notices = notices;
        this.organization = organization;
        this.writer = writer;
        this.settings = settings;
        this.sender = sender;
        this.clock = clock;
    }

    /** Sends one e-mail if it is still due and nobody else is sending it. */
    void deliver(long mailId) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (settings.enabled() && smtp != null) {
            outbox.claim(mailId, now()).ifPresent(claim -> deliver(claim, smtp));
        }
    }

    /** Sends the e-mails whose next attempt is due; how many were tried. */
    int deliverDue() {
        if (!settings.enabled() || sender.getIfAvailable() == null) {
            return 0;
        }
        var due = outbox.due(now(), BATCH);
        due.forEach(this::deliver);
        return due.size();
    }

    private void deliver(Claim claim, JavaMailSender smtp) {
        Optional<StoredNotice> notice = notices.find(claim.notificationId());
        Optional<UserContact> to = notice.flatMap(n -> organization.contactOf(n.userId())).filter(UserContact::wantsEmail);
        if (to.isEmpty()) {
            outbox.finish(claim.id(), Status.SKIPPED, "recipient has no address or wants no e-mail", now());
            return;
        }
        try {
            smtp.send(message(smtp, writer.write(notice.get(), to.get()), to.get()));
            outbox.finish(claim.id(), Status.SENT, null, now());
        } catch (MessagingException | UnsupportedEncodingException unsendable) {
            // A malformed address stays malformed: trying again would not help.
            log.warn("Notification e-mail {} cannot be sent to {}", claim.id(), to.get().email(), unsendable);
            outbox.finish(claim.id(), Status.FAILED, describe(unsendable), now());
        } catch (MailException failed) {
            boolean tooOld = claim.createdAt().plus(settings.retryFor()).isBefore(now());
            log.warn("Notification e-mail {} failed (attempt {}){}: {}", claim.id(), claim.attempts(),
                    tooOld ? ", giving up" : ", will try again", describe(failed));
            if (tooOld) {
                outbox.finish(claim.id(), Status.FAILED, describe(failed), now());
            } else {
                outbox.failed(claim.id(), describe(failed));
            }
        }
    }

    private MimeMessage message(JavaMailSender smtp, NoticeMail mail, UserContact to)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(new InternetAddress(to.email(), to.displayName(), StandardCharsets.UTF_8.name()));
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        return message;
    }

    private static String describe(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
