package io.haina.crm.platform.jobs;

import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/** Starts one-time jobs. */
@Component
public class BackgroundJobs {

    private final ObjectProvider<Scheduler> scheduler;

    // The scheduler is looked up late: it depends on every task bean, and a task's handler may
    // itself want to start jobs.
    BackgroundJobs(ObjectProvider<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Runs the task for this instance as soon as a worker is free, unless that instance is already
     * waiting or running. Inside a transaction the job is scheduled in it (a rollback cancels it),
     * and workers are woken once it commits, so they see it at once instead of at the next poll.
     */
    public void runSoon(OneTimeTask<Void> task, String instanceId) {
        Scheduler jobs = scheduler.getObject();
        // The scheduler's own clock decides what is due, not the application's (which tests move).
        jobs.scheduleIfNotExists(task.instance(instanceId), Instant.now());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    jobs.triggerCheckForDueExecutions();
                }
            });
        } else {
            jobs.triggerCheckForDueExecutions();
        }
    }
}
