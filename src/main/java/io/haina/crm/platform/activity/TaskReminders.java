package io.haina.crm.platform.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.haina.crm.platform.notify.Notice;
import io.haina.crm.platform.notify.NoticeKind;
import io.haina.crm.platform.notify.Notifications;
import io.haina.crm.platform.security.Organization;

/**
 * Reminds assignees of their tasks (S11, A12): every minute, each open task whose reminder time
 * has come gets one notice, in the app and by e-mail. The notice and the task's {@code reminded_at}
 * are written in one transaction, so a reminder is sent exactly once — a crash before the commit
 * sends it again at the next sweep, never twice; the rows are locked with SKIP LOCKED, so several
 * app instances share the work.
 */
@Configuration(proxyBeanMethods = false)
public class TaskReminders {

    public static final NoticeKind DUE = NoticeKind.of("TASK_DUE");
    static final String JOB = "task-reminders";
    static final Duration SWEEP = Duration.ofMinutes(1);
    /** Reminders per transaction: a backlog after downtime goes out in several short ones. */
    static final int BATCH = 200;
    private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskRepository tasks;
    private final Notifications notifications;
    private final Organization organization;
    private final TransactionTemplate tx;
    private final Clock clock;

    TaskReminders(TaskRepository tasks, Notifications notifications, Organization organization,
                  PlatformTransactionManager transactions, Clock clock) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.organization = organization;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> taskRemindersTask() {
        return Tasks.recurring(JOB, FixedDelay.of(SWEEP)).execute((instance, context) -> sendDue());
    }

    /** Sends every reminder that is due; the number sent. */
    public int sendDue() {
        int sent = 0;
        int batch;
        do {
            batch = tx.execute(status -> sendBatch());
            sent += batch;
        } while (batch == BATCH);
        return sent;
    }

    private int sendBatch() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var due = tasks.lockDueReminders(now, BATCH);
        for (Task task : due) {
            String at = DUE_TEXT.format(task.dueAt().atZoneSameInstant(organization.timeZoneOf(task.assigneeId())));
            notifications.send(Notice.to(task.assigneeId(), DUE).message("task.notice.due", task.title(), at)
                    .link("/tasks/" + task.id()).alsoByEmail());
            tasks.markReminded(task.id(), now);
        }
        return due.size();
    }
}
