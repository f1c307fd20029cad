package io.haina.crm.platform.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.notify.Notice;
import io.haina.crm.platform.notify.NoticeKind;
import io.haina.crm.platform.notify.Notifications;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Tasks (S11). A task is seen by its assignee, by whoever asked for it, and — when it is about a
 * record — by whoever may read that record; only the assignee and the one who asked change it.
 * Someone else's task read without a right to it is "not found", as a record would be.
 */
@Service
@Transactional
public class Tasks {

    public static final NoticeKind ASSIGNED = NoticeKind.of("TASK_ASSIGNED");
    /** Reminder choices in minutes before the due time; 15 unless the writer picks another or none. */
    public static final List<Integer> REMINDER_CHOICES = List.of(0, 5, 15, 30, 60, 120, 1440);
    public static final int DEFAULT_REMINDER = 15;
    public static final String NO_REMINDER = "none";
    static final int TITLE_LENGTH = 200;
    static final int DESCRIPTION_LENGTH = 5000;

    private final TaskRepository tasks;
    private final RecordService records;
    private final Organization organization;
    private final Notifications notifications;
    private final Clock clock;

    Tasks(TaskRepository tasks, RecordService records, Organization organization, Notifications notifications, Clock clock) {
        this.tasks = tasks;
        this.records = records;
        this.organization = organization;
        this.notifications = notifications;
        this.clock = clock;
    }

    public Task create(long actorId, TaskDraft draft, ZoneId zone) {
        TaskRepository.Checked checked = check(actorId, draft, zone);
        long id = tasks.insert(checked, actorId, now());
        tellAssignee(actorId, checked.assigneeId(), id, checked.title());
        return tasks.find(id).orElseThrow();
    }

    /** Changes a task read at {@code version}; a conflict if it changed meanwhile. */
    public Task update(long actorId, long id, int version, TaskDraft draft, ZoneId zone) {
        Task current = changeable(actorId, id);
        TaskRepository.Checked checked = check(actorId, draft, zone);
        boolean remindAgain = !Objects.equals(current.remindAt(), checked.remindAt());
        if (!tasks.update(id, version, checked, remindAgain, now())) {
            throw new ConflictException("task.error.stale");
        }
        if (checked.assigneeId() != current.assigneeId()) {
            tellAssignee(actorId, checked.assigneeId(), id, checked.title());
        }
        return tasks.find(id).orElseThrow();
    }

    /** Marks a task done, or open again. */
    public Task setDone(long actorId, long id, boolean done) {
        Task task = changeable(actorId, id);
        if (task.done() != done) {
            tasks.markDone(id, done, actorId, now());
        }
        return tasks.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Task find(long actorId, long id) {
        Task task = tasks.find(id).orElseThrow(() -> new NotFoundException("task " + id));
        if (!task.changeableBy(actorId)) {
            if (!task.aboutRecord()) {
                throw new NotFoundException("task " + id);
            }
            records.read(actorId, task.objectCode(), task.recordId()); // not found when the record is out of reach
        }
        return task;
    }

    /** The user's tasks, open (soonest due first) or done (latest first), as assignee or as the one who asked. */
    @Transactional(readOnly = true)
    public List<Task> involving(long actorId, boolean done, int limit) {
        return tasks.involving(actorId, done, limit);
    }

    /** The tasks the user is to do, soonest due first. */
    @Transactional(readOnly = true)
    public List<Task> openOf(long actorId, int limit) {
        return tasks.openOf(actorId, limit);
    }

    /** The user's tasks due in a period, for the calendar and the feed. */
    @Transactional(readOnly = true)
    public List<Task> dueBetween(long actorId, OffsetDateTime from, OffsetDateTime until) {
        return tasks.dueBetween(actorId, from, until);
    }

    /** How many open tasks the user has due before a moment (overdue and today's, for the badge). */
    @Transactional(readOnly = true)
    public int countOpenDueBefore(long actorId, OffsetDateTime until) {
        return tasks.countOpenDueBefore(actorId, until);
    }

    /**
     * The task a follow-up's "next time" sets for the record's owner: due then, reminded
     * {@link #DEFAULT_REMINDER} minutes before. The follow-up was already checked.
     */
    long createFollowUpTask(long actorId, long ownerId, String title, OffsetDateTime dueAt, String objectCode, long recordId) {
        var checked = new TaskRepository.Checked(title, null, dueAt, dueAt.minusMinutes(DEFAULT_REMINDER), TaskPriority.NORMAL,
                ownerId, objectCode, recordId);
        long id = tasks.insert(checked, actorId, now());
        tellAssignee(actorId, ownerId, id, title);
        return id;
    }

    /**
     * Gives the open tasks about some records that one user was to do to another, as part of
     * handing the records over (the caller checked that the actor may); no notice per task, the
     * caller sends one for the whole handover. Returns how many.
     */
    public int handOver(String objectCode, java.util.Collection<Long> recordIds, long fromUserId, long toUserId) {
        return tasks.reassignOpen(objectCode, recordIds, fromUserId, toUserId, now());
    }

    /**
     * Carries the open tasks about a record over to the record it became (a lead converted into a
     * customer: "send the quote" is now about the customer, where the rep works from). Done and
     * cancelled tasks stay with the first record, part of its history. The caller has made the
     * change and checked the actor; returns how many moved.
     */
    public int carryOpenOver(String fromObject, long fromId, String toObject, long toId) {
        return tasks.moveOpen(fromObject, fromId, toObject, toId, now());
    }

    private Task changeable(long actorId, long id) {
        Task task = find(actorId, id);
        if (!task.changeableBy(actorId)) {
            throw new org.springframework.security.access.AccessDeniedException("only its assignee and creator change task " + id);
        }
        if (task.cancelled()) {
            // Its record went back to a pool: whoever claims it next plans their own follow-up.
            throw new ConflictException("task.error.cancelled");
        }
        return task;
    }

    private TaskRepository.Checked check(long actorId, TaskDraft draft, ZoneId zone) {
        InputChecks checks = new InputChecks();
        String title = checks.required("title", draft.title(), TITLE_LENGTH);
        String description = checks.optional("description", draft.description(), DESCRIPTION_LENGTH);
        OffsetDateTime dueAt = TimeInput.read(checks, "dueAt", draft.dueAt(), zone);
        if (dueAt == null && !checks.hasProblem("dueAt")) {
            checks.add("dueAt", "validation.required");
        }
        Integer before = reminder(checks, draft.remindBefore());
        TaskPriority priority = draft.priority() == null || draft.priority().isBlank() ? TaskPriority.NORMAL
                : TaskPriority.of(draft.priority().strip()).orElse(null);
        checks.check(priority != null, "priority", "task.error.priority");
        long assigneeId = actorId;
        if (draft.assigneeId() != null && !draft.assigneeId().isBlank()) {
            Long chosen = number(draft.assigneeId());
            checks.check(chosen != null && organization.isActiveUser(chosen), "assigneeId", "task.error.assignee");
            assigneeId = chosen == null ? actorId : chosen;
        }
        String objectCode = blankToNull(draft.objectCode());
        Long recordId = null;
        if (objectCode != null || blankToNull(draft.recordId()) != null) {
            recordId = number(draft.recordId());
            checks.check(objectCode != null && recordId != null && readable(actorId, objectCode, recordId),
                    "recordId", "task.error.record");
        }
        checks.throwIfAny();
        OffsetDateTime remindAt = before == null ? null : dueAt.minusMinutes(before);
        return new TaskRepository.Checked(title, description, dueAt, remindAt, priority, assigneeId,
                recordId == null ? null : objectCode, recordId);
    }

    /** Minutes before the due time, null for none; blank means the default. */
    private static Integer reminder(InputChecks checks, String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_REMINDER;
        }
        if (text.strip().equals(NO_REMINDER)) {
            return null;
        }
        Long minutes = number(text);
        checks.check(minutes != null && minutes <= Duration.ofDays(30).toMinutes(), "remindBefore", "task.error.reminder");
        return minutes == null ? null : minutes.intValue();
    }

    private boolean readable(long actorId, String objectCode, long recordId) {
        try {
            records.read(actorId, objectCode, recordId);
            return true;
        } catch (NotFoundException | org.springframework.security.access.AccessDeniedException e) {
            return false;
        }
    }

    private void tellAssignee(long actorId, long assigneeId, long taskId, String title) {
        if (assigneeId != actorId) {
            notifications.send(Notice.to(assigneeId, ASSIGNED).message("task.notice.assigned",
                    organization.displayNameOf(actorId).orElse(""), title).link("/tasks/" + taskId));
        }
    }

    private static Long number(String text) {
        return text != null && text.strip().matches("\\d{1,18}") ? Long.valueOf(text.strip()) : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
