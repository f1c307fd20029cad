package io.haina.crm.platform.notify.mail;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import io.haina.crm.platform.jobs.BackgroundJobs;

/**
 * Puts a notice's e-mail into the outbox, in the sender's transaction, with a job that sends it
 * as soon as that transaction commits (a rollback takes both back). If the job fails, the retry
 * sweep of {@link NoticeMailTasks} takes the e-mail up later.
 */
@Component
public class MailQueue {

    private final MailOutbox outbox;
    private final MailSettings settings;
    private final BackgroundJobs jobs;
    private final OneTimeTask<Void> sendTask;
    private final Clock clock;

    MailQueue(MailOutbox outbox, MailSettings settings, BackgroundJobs jobs,
              @Qualifier("noticeMailTask") OneTimeTask<Void> noticeMailTask, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.jobs = jobs;
        this.sendTask = noticeMailTask;
        this.clock = clock;
    }

    /** Queues the notice's e-mail; false when e-mail is off (no SMTP server configured). */
    public boolean add(long notificationId) {
        if (!settings.enabled()) {
            return false;
        }
        long id = outbox.add(notificationId, OffsetDateTime.now(clock));
        jobs.runSoon(sendTask, Long.toString(id));
        return true;
    }
}
