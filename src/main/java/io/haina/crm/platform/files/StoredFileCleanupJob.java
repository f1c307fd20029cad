package io.haina.crm.platform.files;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Every hour, uploads nobody attached within a day are deleted (a form left unsent, a follow-up
 * given up): db-scheduler runs it on one instance even when several serve the application.
 */
@Configuration(proxyBeanMethods = false)
class StoredFileCleanupJob {

    @Bean
    RecurringTask<Void> storedFileCleanupTask(StoredFiles files) {
        return Tasks.recurring("stored-file-cleanup", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> files.cleanUp());
    }
}
