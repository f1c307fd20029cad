package io.haina.crm.sales.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.haina.crm.platform.activity.FollowUpsOn;
import io.haina.crm.platform.notify.Notice;
import io.haina.crm.platform.notify.NoticeKind;
import io.haina.crm.platform.notify.Notifications;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.sales.assignment.LeadAssignment.Stage;
import io.haina.crm.sales.pool.PoolReturns;

/**
 * The first-follow-up deadline of a rule, kept every few minutes: a lead its rule assigned that
 * still has no follow-up (its "last follow-up" field, which every follow-up stamps, is empty) when
 * the deadline passes gets its owner a reminder; one period later their manager is told; one more
 * and the rule's last step hands the lead to the department's next user or sends it to a pool.
 * Each step is on the lead's timeline with its reason.
 *
 * <p>Each step moves the lead's escalation to its next stage and deadline (a full period from now)
 * in the same transaction as its notice and history, on rows locked with SKIP LOCKED: running the
 * job twice, or on two instances at once, takes no step twice. A follow-up, a new owner given by
 * other means, a converted, invalid or deleted lead, or a rule without a deadline any more ends
 * the escalation where it stands.
 */
@Configuration(proxyBeanMethods = false)
public class FirstFollowUpEscalation {

    static final NoticeKind OVERDUE = NoticeKind.of("LEAD_FOLLOW_UP_OVERDUE");
    static final NoticeKind ESCALATED = NoticeKind.of("LEAD_FOLLOW_UP_ESCALATED");
    static final String JOB = "lead-follow-up-escalation";
    static final Duration SWEEP = Duration.ofMinutes(5);
    /** Steps per transaction: a backlog after downtime goes in several short ones. */
    static final int BATCH = 100;
    /** When a step that failed is tried again. */
    static final Duration RETRY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(FirstFollowUpEscalation.class);
    /** A lead in one of these states is no one's first follow-up any more. */
    private static final Set<String> CLOSED_STATUSES = Set.of("converted", "invalid");

    private final LeadAssignmentRepository assignments;
    private final AssignmentRuleRepository rules;
    private final AssigneePicker picker;
    private final SystemRecords system;
    private final PoolReturns pools;
    private final Notifications notifications;
    private final Organization organization;
    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    FirstFollowUpEscalation(LeadAssignmentRepository assignments, AssignmentRuleRepository rules, AssigneePicker picker,
                            SystemRecords system, PoolReturns pools, Notifications notifications,
                            Organization organization, PlatformTransactionManager transactions, Clock clock) {
        this.assignments = assignments;
        this.rules = rules;
        this.picker = picker;
        this.system = system;
        this.pools = pools;
        this.notifications = notifications;
        this.organization = organization;
        this.tx = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> leadFollowUpEscalationTask() {
        return Tasks.recurring(JOB, FixedDelay.of(SWEEP)).execute((instance, context) -> run());
    }

    /** Takes every step that is due; the number taken. */
    public int run() {
        int taken = 0;
        int batch;
        do {
            batch = tx.execute(status -> runBatch());
            taken += batch;
        } while (batch == BATCH);
        return taken;
    }

    private int runBatch() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<LeadAssignment> due = assignments.lockDue(now, BATCH);
        for (LeadAssignment assignment : due) {
            try {
                savepoint.executeWithoutResult(status -> step(assignment, now));
            } catch (RuntimeException e) {
                // One lead's failure spares the others; its step is tried again later, not at every sweep.
                log.error("lead {}: the first-follow-up escalation step failed; retrying in {}", assignment.leadId(), RETRY, e);
                assignments.advance(assignment.leadId(), assignment.stage(), assignment.ownerId(), now.plus(RETRY), now);
            }
        }
        return due.size();
    }

    private void step(LeadAssignment assignment, OffsetDateTime now) {
        long leadId = assignment.leadId();
        Optional<RecordData> lead = system.read(AssignmentRules.LEAD, leadId);
        if (lead.isPresent() && lead.get().get(FollowUpsOn.LAST) != null) {
            assignments.advance(leadId, Stage.FOLLOWED_UP, assignment.ownerId(), null, now);
            return;
        }
        Optional<AssignmentRule> rule = Optional.ofNullable(assignment.ruleId()).flatMap(rules::find)
                .filter(AssignmentRule::escalates);
        if (lead.isEmpty() || rule.isEmpty() || assignment.ownerId() == null
                || !Objects.equals(lead.get().ownerId(), assignment.ownerId())
                || CLOSED_STATUSES.contains(String.valueOf(lead.get().get("status")))) {
            assignments.advance(leadId, Stage.CLOSED, assignment.ownerId(), null, now);
            return;
        }
        int hours = rule.get().followUpHours();
        String name = String.valueOf(lead.get().get("name"));
        long owner = assignment.ownerId();
        switch (assignment.stage()) {
            case ASSIGNED -> remind(rule.get(), leadId, name, owner, hours, now);
            case REMINDED -> tellManager(rule.get(), leadId, name, owner, hours, now);
            case MANAGER_TOLD -> end(rule.get(), leadId, owner, hours, now);
            default -> assignments.advance(leadId, assignment.stage(), owner, null, now);
        }
    }

    private void remind(AssignmentRule rule, long leadId, String name, long owner, int hours, OffsetDateTime now) {
        notifications.send(Notice.to(owner, OVERDUE).message("assignment.notice.overdue", name, hours)
                .link(link(leadId)).alsoByEmail());
        note(leadId, "FIRST_FOLLOW_UP_REMINDED", why("assignment.reason.reminded", hours, rule));
        assignments.advance(leadId, Stage.REMINDED, owner, now.plusHours(hours), now);
    }

    private void tellManager(AssignmentRule rule, long leadId, String name, long owner, int hours, OffsetDateTime now) {
        Optional<Long> manager = organization.managerOf(owner);
        manager.ifPresent(m -> notifications.send(Notice.to(m, ESCALATED)
                .message("assignment.notice.escalated", name, 2 * hours, organization.displayNameOf(owner).orElse(""))
                .link(link(leadId)).alsoByEmail()));
        note(leadId, "FIRST_FOLLOW_UP_ESCALATED", why(manager.isPresent() ? "assignment.reason.manager-told"
                : "assignment.reason.no-manager", 2 * hours, rule));
        assignments.advance(leadId, Stage.MANAGER_TOLD, owner, now.plusHours(hours), now);
    }

    /** The rule's last step; the new owner hears of it as of any assignment (see {@link AssigneeNotices}). */
    private void end(AssignmentRule rule, long leadId, long owner, int hours, OffsetDateTime now) {
        if (rule.endAction() == EndAction.RETURN_TO_POOL) {
            try {
                pools.returnByRule(AssignmentRules.LEAD, leadId, rule.endPoolId(), "RETURNED_TO_POOL",
                        why("assignment.reason.returned", 3 * hours, rule));
                assignments.advance(leadId, Stage.RETURNED, null, null, now);
            } catch (NotFoundException e) {
                // The pool was switched off since the rule was saved: the lead stays, and says why.
                note(leadId, "FIRST_FOLLOW_UP_ESCALATED", why("assignment.reason.no-pool", 3 * hours, rule));
                assignments.advance(leadId, Stage.CLOSED, owner, null, now);
            }
            return;
        }
        Optional<Optional<Long>> lastUser = rules.lockForAssignment(rule.id());
        Optional<Long> next = lastUser.flatMap(last -> picker.pick(rule.target(), last, owner, null));
        if (next.isEmpty()) {
            note(leadId, "FIRST_FOLLOW_UP_ESCALATED", why("assignment.reason.nobody", 3 * hours, rule));
            assignments.advance(leadId, Stage.CLOSED, owner, null, now);
            return;
        }
        rules.setLastUser(rule.id(), next.get());
        system.assign(AssignmentRules.LEAD, leadId, next.get(), null, "REASSIGNED_BY_RULE",
                why("assignment.reason.handed-on", 3 * hours, rule));
        assignments.advance(leadId, Stage.HANDED_ON, next.get(), null, now);
    }

    private void note(long leadId, String action, String reason) {
        system.note(AssignmentRules.LEAD, leadId, action, reason);
    }

    /** The step's reason for the timeline: the hours since the lead was assigned, and the rule. */
    private static String why(String messageKey, int hours, AssignmentRule rule) {
        return AssignmentReasons.escalation(messageKey, hours, rule.name());
    }

    private static String link(long leadId) {
        return "/o/" + AssignmentRules.LEAD + "/" + leadId;
    }
}
