package io.haina.crm.sales.assignment;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

import io.haina.crm.platform.records.EntryChannel;
import io.haina.crm.sales.assignment.LeadAssignment.Stage;

/** The leads rules assigned (table {@code lead_assignment}), one row per lead for good. */
@Repository
class LeadAssignmentRepository {

    private static final Table<Record> ASSIGNMENT = table(name("lead_assignment"));
    private static final Field<Long> LEAD = field(name("lead_id"), Long.class);
    private static final Field<Long> RULE = field(name("rule_id"), Long.class);
    private static final Field<String> RULE_NAME = field(name("rule_name"), String.class);
    private static final Field<String> CHANNEL = field(name("channel"), String.class);
    private static final Field<Long> OWNER = field(name("owner_id"), Long.class);
    private static final Field<OffsetDateTime> ASSIGNED_AT = field(name("assigned_at"), OffsetDateTime.class);
    private static final Field<String> STAGE = field(name("stage"), String.class);
    private static final Field<OffsetDateTime> DUE_AT = field(name("due_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);

    private final DSLContext db;

    LeadAssignmentRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Records that the rule assigned the lead; false when a rule already did (nothing is written):
     * the primary key makes this the one place that decides, even for two assigners at once (the
     * second waits for the first's commit, then finds the row).
     */
    boolean start(long leadId, AssignmentRule rule, EntryChannel channel, Long ownerId, OffsetDateTime now,
                  OffsetDateTime dueAt) {
        return db.insertInto(ASSIGNMENT).set(LEAD, leadId).set(RULE, rule.id()).set(RULE_NAME, rule.name())
                .set(CHANNEL, channel.name()).set(OWNER, ownerId).set(ASSIGNED_AT, now).set(STAGE, Stage.ASSIGNED.name())
                .set(DUE_AT, dueAt).set(UPDATED_AT, now).onConflictDoNothing().execute() == 1;
    }

    Optional<LeadAssignment> find(long leadId) {
        return db.select(LEAD, RULE, RULE_NAME, CHANNEL, OWNER, ASSIGNED_AT, STAGE, DUE_AT).from(ASSIGNMENT)
                .where(LEAD.eq(leadId)).fetchOptional(LeadAssignmentRepository::toAssignment);
    }

    /**
     * Escalations due by {@code now}, oldest first, locked until the transaction ends; rows another
     * instance of the job holds are skipped, so two runs at once never take the same step twice.
     */
    List<LeadAssignment> lockDue(OffsetDateTime now, int limit) {
        return db.select(LEAD, RULE, RULE_NAME, CHANNEL, OWNER, ASSIGNED_AT, STAGE, DUE_AT).from(ASSIGNMENT)
                .where(DUE_AT.le(now)).orderBy(DUE_AT, LEAD).limit(limit).forUpdate().skipLocked()
                .fetch(LeadAssignmentRepository::toAssignment);
    }

    /** The escalation's next state: its stage, the owner it now waits on, when the next step is due (null: none). */
    void advance(long leadId, Stage stage, Long ownerId, OffsetDateTime dueAt, OffsetDateTime now) {
        db.update(ASSIGNMENT).set(STAGE, stage.name()).set(OWNER, ownerId).set(DUE_AT, dueAt).set(UPDATED_AT, now)
                .where(LEAD.eq(leadId)).execute();
    }

    private static LeadAssignment toAssignment(Record r) {
        return new LeadAssignment(r.get(LEAD), r.get(RULE), r.get(RULE_NAME), r.get(CHANNEL), r.get(OWNER),
                r.get(ASSIGNED_AT), Stage.valueOf(r.get(STAGE)), r.get(DUE_AT));
    }
}
