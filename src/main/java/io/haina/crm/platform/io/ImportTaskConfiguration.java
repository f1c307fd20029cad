package io.haina.crm.platform.io;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The background job of imports. Its instance id names the import and the phase
 * ({@code 42:RUN}); the job keeps its state in the import log, not in the task's data.
 */
@Configuration(proxyBeanMethods = false)
class ImportTaskConfiguration {

    static final String TASK = "import";

    @Bean
    OneTimeTask<Void> importTask(ImportRunner runner) {
        return Tasks.oneTime(TASK).execute((instance, context) -> {
            String[] parts = instance.getId().split(":");
            runner.execute(Long.parseLong(parts[0]), ImportPhase.valueOf(parts[1]));
        });
    }

    static String instanceId(long importId, ImportPhase phase) {
        return importId + ":" + phase.name();
    }
}
