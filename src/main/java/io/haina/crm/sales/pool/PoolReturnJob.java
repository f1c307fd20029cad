package io.haina.crm.sales.pool;

import java.time.LocalTime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The pools' round, once a night at 01:30 (server time): db-scheduler runs it on one instance
 * even when several serve the application.
 */
@Configuration(proxyBeanMethods = false)
class PoolReturnJob {

    @Bean
    RecurringTask<Void> poolReturnTask(PoolRecycler recycler) {
        return Tasks.recurring("pool-return", Schedules.daily(LocalTime.of(1, 30)))
                .execute((instance, context) -> recycler.run());
    }
}
