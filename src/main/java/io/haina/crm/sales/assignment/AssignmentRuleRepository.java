package io.haina.crm.sales.assignment;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The assignment rules in their order, the rule set's settings, and each rule's round-robin place. */
@Repository
class AssignmentRuleRepository {

    private static final Table<Record> RULE = table(name("assignment_rule"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<Boolean> ACTIVE = field(name("active"), Boolean.class);
    private static final Field<Integer> POSITION = field(name("position"), Integer.class);
    private static final Field<String[]> REGIONS = field(name("regions"), String[].class);
    private static final Field<String[]> INDUSTRIES = field(name("industries"), String[].class);
    private static final Field<String[]> SIZES = field(name("company_sizes"), String[].class);
    private static final Field<String[]> SOURCES = field(name("sources"), String[].class);
    private static final Field<Long[]> WEB_FORMS = field(name("web_form_ids"), Long[].class);
    private static final Field<String> TARGET_KIND = field(name("target_kind"), String.class);
    private static final Field<Long> TARGET_USER = field(name("target_user_id"), Long.class);
    private static final Field<Long> TARGET_DEPARTMENT = field(name("target_department_id"), Long.class);
    private static final Field<Long> TARGET_POOL = field(name("target_pool_id"), Long.class);
    private static final Field<Integer> HOURS = field(name("follow_up_hours"), Integer.class);
    private static final Field<String> END_ACTION = field(name("end_action"), String.class);
    private static final Field<Long> END_POOL = field(name("end_pool_id"), Long.class);
    private static final Field<Long> LAST_USER = field(name("last_user_id"), Long.class);
    private static final Field<Long> CREATED_BY = field(name("created_by"), Long.class);
    private static final Field<Integer> VERSION = field(name("version"), Integer.class);

    private static final Table<Record> SETTING = table(name("assignment_setting"));
    private static final Field<Boolean> HAND_ENTERED = field(name("apply_to_hand_entered"), Boolean.class);

    private final DSLContext db;

    AssignmentRuleRepository(DSLContext db) {
        this.db = db;
    }

    /** Every rule, first asked first. */
    List<AssignmentRule> all() {
        return load(DSL.noCondition());
    }

    /** The active rules, first asked first: what a new lead is matched against. */
    List<AssignmentRule> active() {
        return load(ACTIVE.isTrue());
    }

    Optional<AssignmentRule> find(long id) {
        return load(ID.eq(id)).stream().findFirst();
    }

    boolean nameTaken(String name, Long exceptId) {
        Condition others = exceptId == null ? DSL.noCondition() : ID.ne(exceptId);
        return db.fetchExists(RULE, DSL.lower(NAME).eq(name.toLowerCase(java.util.Locale.ROOT)).and(others));
    }

    long insert(AssignmentRuleDraft draft, long actorId) {
        Integer last = db.select(DSL.max(POSITION)).from(RULE).fetchOne(0, Integer.class);
        return db.insertInto(RULE).set(values(draft)).set(POSITION, last == null ? 1 : last + 1)
                .set(CREATED_BY, actorId).returning(ID).fetchOne(ID);
    }

    /** Saves the draft over the rule if it is still at the version read; false when someone changed it meanwhile. */
    boolean update(long id, int expectedVersion, AssignmentRuleDraft draft) {
        return db.update(RULE).set(values(draft)).set(VERSION, VERSION.plus(1))
                .set(field(name("updated_at"), java.time.OffsetDateTime.class), DSL.currentOffsetDateTime())
                .where(ID.eq(id)).and(VERSION.eq(expectedVersion)).execute() == 1;
    }

    boolean delete(long id) {
        return db.deleteFrom(RULE).where(ID.eq(id)).execute() == 1;
    }

    /** The rules' ids in their order, locked until the transaction ends (for reordering). */
    List<Long> lockOrder() {
        return db.select(ID).from(RULE).orderBy(POSITION, ID).forUpdate().fetch(ID);
    }

    /** Numbers the rules 1, 2, 3... in the given order. */
    void reorder(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        db.execute("update assignment_rule r set position = o.position "
                        + "from unnest({0}::bigint[]) with ordinality as o(id, position) where r.id = o.id and r.position <> o.position",
                DSL.val(ids.toArray(Long[]::new)));
    }

    /**
     * Locks the rule's row until the transaction ends and says whom it gave its last lead to: two
     * leads assigned at once by the same rule wait on each other here, so the second sees the
     * first's choice (round-robin never hands two leads to the same "next" user, least loaded
     * counts the first's lead). Empty when the rule is gone.
     */
    Optional<Optional<Long>> lockForAssignment(long id) {
        return db.select(LAST_USER).from(RULE).where(ID.eq(id)).forUpdate().fetchOptional()
                .map(r -> Optional.ofNullable(r.get(LAST_USER)));
    }

    void setLastUser(long id, long userId) {
        db.update(RULE).set(LAST_USER, userId).where(ID.eq(id)).execute();
    }

    boolean appliesToHandEntered() {
        return Boolean.TRUE.equals(db.select(HAND_ENTERED).from(SETTING).fetchOne(HAND_ENTERED));
    }

    /** Written as an upsert: the one row is created by the migration, but need not be relied on. */
    void setAppliesToHandEntered(boolean on) {
        db.insertInto(SETTING).set(HAND_ENTERED, on).onConflict(field(name("id"))).doUpdate().set(HAND_ENTERED, on)
                .set(field(name("version"), Integer.class), field(name("assignment_setting", "version"), Integer.class).plus(1))
                .execute();
    }

    private static java.util.Map<Field<?>, Object> values(AssignmentRuleDraft draft) {
        java.util.Map<Field<?>, Object> values = new java.util.LinkedHashMap<>();
        LeadConditions c = draft.conditions();
        values.put(NAME, draft.name());
        values.put(ACTIVE, draft.active());
        values.put(REGIONS, c.regions().toArray(String[]::new));
        values.put(INDUSTRIES, c.industries().toArray(String[]::new));
        values.put(SIZES, c.companySizes().toArray(String[]::new));
        values.put(SOURCES, c.sources().toArray(String[]::new));
        values.put(WEB_FORMS, c.webFormIds().toArray(Long[]::new));
        values.put(TARGET_KIND, draft.target().kind().name());
        values.put(TARGET_USER, draft.target().userId());
        values.put(TARGET_DEPARTMENT, draft.target().departmentId());
        values.put(TARGET_POOL, draft.target().poolId());
        values.put(HOURS, draft.followUpHours());
        values.put(END_ACTION, draft.endAction() == null ? null : draft.endAction().name());
        values.put(END_POOL, draft.endPoolId());
        return values;
    }

    private List<AssignmentRule> load(Condition where) {
        return db.select(ID, NAME, ACTIVE, POSITION, REGIONS, INDUSTRIES, SIZES, SOURCES, WEB_FORMS, TARGET_KIND,
                        TARGET_USER, TARGET_DEPARTMENT, TARGET_POOL, HOURS, END_ACTION, END_POOL, VERSION)
                .from(RULE).where(where).orderBy(POSITION, ID)
                .fetch(r -> new AssignmentRule(r.get(ID), r.get(NAME), r.get(ACTIVE), r.get(POSITION),
                        new LeadConditions(list(r.get(REGIONS)), list(r.get(INDUSTRIES)), list(r.get(SIZES)),
                                list(r.get(SOURCES)), list(r.get(WEB_FORMS))),
                        new AssignmentRule.Target(TargetKind.valueOf(r.get(TARGET_KIND)), r.get(TARGET_USER),
                                r.get(TARGET_DEPARTMENT), r.get(TARGET_POOL)),
                        r.get(HOURS), r.get(END_ACTION) == null ? null : EndAction.valueOf(r.get(END_ACTION)),
                        r.get(END_POOL), r.get(VERSION)));
    }

    private static <T> List<T> list(T[] array) {
        return array == null ? List.of() : List.copyOf(Arrays.asList(array));
    }
}
