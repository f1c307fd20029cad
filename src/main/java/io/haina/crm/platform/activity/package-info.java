/**
 * Activity (C4, C8, S11): what salespeople do with their records. Follow-ups (跟进记录) on a
 * customer or lead, with the contacts met and the next time, that managers comment on; tasks
 * (待办任务) with reminders; a record's timeline of follow-ups, tasks and history; each user's
 * to-do inbox, calendar and iCal feed.
 *
 * <p>A follow-up or task points at its record by object code and id and is read through the
 * record engine: whoever may read the record may read and add its follow-ups. Feature modules say
 * which of their objects take follow-ups with {@link io.haina.crm.platform.activity.FollowUpsOn}
 * beans, and put items in the to-do inbox with {@link io.haina.crm.platform.activity.TodoSource}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activity")
package io.haina.crm.platform.activity;
