package io.haina.crm.platform.jobs;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * The one db-scheduler of the application, configured here rather than through its Spring Boot
 * starter, which is built for Boot 3 (its health indicator uses packages Boot 4 moved). Every
 * {@link Task} bean is known to it.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks,
                        @Value("${haina.jobs.threads:4}") int threads,
                        @Value("${haina.jobs.polling-interval:PT5S}") Duration pollingInterval) {
        List<Task<?>> known = tasks.orderedStream().filter(task -> !(task instanceof RecurringTask<?>)).toList();
        // A recurring task (a sweep every minute) schedules its first run when the scheduler starts.
        List<RecurringTask<?>> recurring = tasks.orderedStream().filter(task -> task instanceof RecurringTask<?>)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task).toList();
        // Transaction-aware: a job scheduled inside a transaction is scheduled only if it commits.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .startTasks(recurring)
                .threads(threads)
                .pollingInterval(pollingInterval)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(20))
                .build();
    }

    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SchedulerLifecycle(scheduler);
    }
}
