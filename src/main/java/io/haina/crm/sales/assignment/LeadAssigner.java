package io.haina.crm.sales.assignment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.haina.crm.marketing.WebFormLeadCreated;
import io.haina.crm.platform.records.EntryChannel;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordEvent;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.sales.pool.PoolDirectory;
import io.haina.crm.sales.pool.PoolReturns;

/**
 * Applies the assignment rules to each new lead: the first active rule whose conditions the lead
 * meets (and whose target can take it now) gives it its owner or its pool; with no such rule the
 * lead stays with whoever created it (the web form's owner, the importer, the API's caller).
 *
 * <p>Which leads: those from web forms, imports and the API — none of which can name an owner
 * today, so all of them count as "without an explicit owner" — and leads typed in by hand only
 * when the rule set says so. The channel comes with the engine's {@link RecordEvent.Created}
 * (its caller knows it; the lead's fields do not: its source says where the customer heard of us).
 * Web-form leads are taken from {@link WebFormLeadCreated} instead, which also names the form.
 *
 * <p>When: after the lead's transaction commits, in a transaction of its own. So the lead exists
 * whatever a rule does (a visitor's post never fails because a rule's user left), an import's
 * dry run (rolled back) assigns nothing, and the rule's row lock is held for one short assignment,
 * not for an import's whole batch. Should the process die in between, the lead stays with its
 * creator, as with no rule. A lead is assigned at most once: the {@code lead_assignment} row,
 * written before the owner changes, is the guard.
 */
@Service
public class LeadAssigner {

    private static final Logger log = LoggerFactory.getLogger(LeadAssigner.class);

    private final AssignmentRuleRepository rules;
    private final LeadAssignmentRepository assignments;
    private final AssigneePicker picker;
    private final SystemRecords system;
    private final PoolDirectory poolDirectory;
    private final PoolReturns pools;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    LeadAssigner(AssignmentRuleRepository rules, LeadAssignmentRepository assignments, AssigneePicker picker,
                 SystemRecords system, PoolDirectory poolDirectory, PoolReturns pools,
                 PlatformTransactionManager transactions, Clock clock) {
        this.rules = rules;
        this.assignments = assignments;
        this.picker = picker;
        this.system = system;
        this.poolDirectory = poolDirectory;
        this.pools = pools;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener
    void onLeadCreated(RecordEvent.Created created) {
        // Web-form leads come with WebFormLeadCreated (below); derived records are not new leads from outside.
        if (created.object().equals(AssignmentRules.LEAD) && created.channel() != EntryChannel.WEB_FORM
                && created.channel() != EntryChannel.DERIVED) {
            assignQuietly(created.recordId(), created.channel(), null);
        }
    }

    @TransactionalEventListener
    void onWebFormLead(WebFormLeadCreated created) {
        assignQuietly(created.leadId(), EntryChannel.WEB_FORM, created.formId());
    }

    /** The lead is committed already: a rule that fails leaves it with its creator, and is logged. */
    private void assignQuietly(long leadId, EntryChannel channel, Long webFormId) {
        try {
            assign(leadId, channel, webFormId);
        } catch (RuntimeException e) {
            log.error("lead {}: the assignment rules could not be applied; it stays with its creator", leadId, e);
        }
    }

    /**
     * Applies the rules to a new lead in a transaction of its own; what it did, or empty when no
     * rule applied (none matched, the lead is gone or in a pool already, a rule assigned it before).
     */
    public Optional<LeadAssignment> assign(long leadId, EntryChannel channel, Long webFormId) {
        return ownTransaction.execute(status -> {
            try {
                return assignNow(leadId, channel, webFormId);
            } catch (AlreadyAssigned e) {
                status.setRollbackOnly();
                return Optional.empty();
            }
        });
    }

    private Optional<LeadAssignment> assignNow(long leadId, EntryChannel channel, Long webFormId) {
        if (channel == EntryChannel.DERIVED || channel == EntryChannel.BY_HAND && !rules.appliesToHandEntered()) {
            return Optional.empty();
        }
        RecordData lead = system.read(AssignmentRules.LEAD, leadId).orElse(null);
        if (lead == null || lead.ownerId() == null || assignments.find(leadId).isPresent()) {
            return Optional.empty();
        }
        for (AssignmentRule rule : rules.active()) {
            if (rule.conditions().matches(lead, webFormId)) {
                Optional<LeadAssignment> done = apply(rule, lead, channel);
                if (done.isPresent()) {
                    return done;
                }
                log.warn("lead {} meets rule {} ({}), whose target can take nobody now; the next rule is asked",
                        leadId, rule.id(), rule.name());
            }
        }
        return Optional.empty();
    }

    private Optional<LeadAssignment> apply(AssignmentRule rule, RecordData lead, EntryChannel channel) {
        Optional<Optional<Long>> lastUser = rules.lockForAssignment(rule.id());
        if (lastUser.isEmpty()) {
            return Optional.empty(); // deleted since it was read
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String reason = AssignmentReasons.assigned(rule.name());
        AssignmentRule.Target target = rule.target();
        if (target.kind() == TargetKind.POOL) {
            if (poolDirectory.active(AssignmentRules.LEAD).stream().noneMatch(p -> p.id() == target.poolId())) {
                return Optional.empty();
            }
            start(lead, rule, channel, null, now, null);
            pools.placeByRule(AssignmentRules.LEAD, lead.id(), target.poolId(), "PUT_IN_POOL_BY_RULE", reason);
            return assignments.find(lead.id());
        }
        Optional<Long> owner = picker.pick(target, lastUser.get(), null, lead.ownerId());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        start(lead, rule, channel, owner.get(), now, rule.escalates() ? now.plusHours(rule.followUpHours()) : null);
        if (target.kind().department()) {
            rules.setLastUser(rule.id(), owner.get());
        }
        if (Objects.equals(lead.ownerId(), owner.get())) {
            // Already theirs (the form's owner is the rule's user): no owner change, but the timeline says why it stays.
            system.note(AssignmentRules.LEAD, lead.id(), "ASSIGNED_BY_RULE", reason);
        } else {
            system.assign(AssignmentRules.LEAD, lead.id(), owner.get(), null, "ASSIGNED_BY_RULE", reason);
        }
        return assignments.find(lead.id());
    }

    private void start(RecordData lead, AssignmentRule rule, EntryChannel channel, Long ownerId, OffsetDateTime now,
                       OffsetDateTime dueAt) {
        if (!assignments.start(lead.id(), rule, channel, ownerId, now, dueAt)) {
            throw new AlreadyAssigned();
        }
    }

    /** Another assigner got there first: this transaction is rolled back, nothing written twice. */
    private static final class AlreadyAssigned extends RuntimeException {
        AlreadyAssigned() {
            super(null, null, false, false);
        }
    }
}
