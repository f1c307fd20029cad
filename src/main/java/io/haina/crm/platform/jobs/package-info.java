/**
 * Background jobs that survive restarts and run once across several app instances: db-scheduler
 * over the {@code scheduled_tasks} table. A module declares its tasks as beans of db-scheduler's
 * {@code Task} type and starts them with {@link io.haina.crm.platform.jobs.BackgroundJobs}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Background jobs")
package io.haina.crm.platform.jobs;
