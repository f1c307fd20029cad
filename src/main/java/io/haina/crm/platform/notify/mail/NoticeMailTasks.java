package io.haina.crm.platform.notify.mail;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The e-mail jobs: one per new e-mail, run right after its notice commits (its instance id is
 * the outbox row's id), and a sweep every minute that sends whatever is due again after a failure.
 */
@Configuration(proxyBeanMethods = false)
class NoticeMailTasks {

    static final String SEND = "notice-mail";
    static final String RETRY = "notice-mail-retry";
    static final Duration SWEEP = Duration.ofMinutes(1);

    @Bean
    OneTimeTask<Void> noticeMailTask(NoticeMailer mailer) {
        return Tasks.oneTime(SEND).execute((instance, context) -> mailer.deliver(Long.parseLong(instance.getId())));
    }

    @Bean
    RecurringTask<Void> noticeMailRetryTask(NoticeMailer mailer) {
        return Tasks.recurring(RETRY, FixedDelay.of(SWEEP)).execute((instance, context) -> mailer.deliverDue());
    }
}
