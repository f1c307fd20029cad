package io.haina.crm.sales.pool;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The pool tables: pools with their members and rules, and the log of claims, returns and warnings. */
@Repository
class PoolRepository {

    private static final Table<Record> POOL = table(name("pool"));
    private static final Field<Long> ID = field(name("pool", "id"), Long.class);
    private static final Field<String> OBJECT = field(name("pool", "object_code"), String.class);
    private static final Field<String> NAME = field(name("pool", "name"), String.class);
    private static final Field<String> DESCRIPTION = field(name("pool", "description"), String.class);
    private static final Field<Boolean> ACTIVE = field(name("pool", "active"), Boolean.class);
    private static final Field<Integer> WARN_DAYS = field(name("pool", "warn_days_before"), Integer.class);
    private static final Field<Integer> CLAIMS_PER_DAY = field(name("pool", "claims_per_day"), Integer.class);
    private static final Field<Integer> OWNED_CAP = field(name("pool", "owned_cap"), Integer.class);
    private static final Field<Boolean> CAP_EXCLUDES_WON = field(name("pool", "cap_excludes_won"), Boolean.class);
    private static final Field<Integer> RECLAIM_BAR = field(name("pool", "reclaim_bar_days"), Integer.class);
    private static final Field<Long> CREATED_BY = field(name("pool", "created_by"), Long.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("pool", "updated_at"), OffsetDateTime.class);
    private static final Field<Integer> VERSION = field(name("pool", "version"), Integer.class);

    private static final Table<Record> MEMBER = table(name("pool_member"));
    private static final Field<Long> MEMBER_POOL = field(name("pool_member", "pool_id"), Long.class);
    private static final Field<Long> MEMBER_USER = field(name("pool_member", "user_id"), Long.class);
    private static final Field<Long> MEMBER_DEPARTMENT = field(name("pool_member", "department_id"), Long.class);
    private static final Field<Boolean> MEMBER_ADMIN = field(name("pool_member", "is_admin"), Boolean.class);

    private static final Table<Record> RULE = table(name("pool_rule"));
    private static final Field<Long> RULE_POOL = field(name("pool_rule", "pool_id"), Long.class);
    private static final Field<String> RULE_KIND = field(name("pool_rule", "kind"), String.class);
    private static final Field<Integer> RULE_DAYS = field(name("pool_rule", "days"), Integer.class);
    private static final Field<String> RULE_LEVEL = field(name("pool_rule", "customer_level"), String.class);
    private static final Field<Boolean> RULE_EXCLUDE_WON = field(name("pool_rule", "exclude_won"), Boolean.class);
    private static final Field<Boolean> RULE_EXCLUDE_OPEN = field(name("pool_rule", "exclude_open_opportunities"), Boolean.class);
    private static final Field<Integer> RULE_POSITION = field(name("pool_rule", "position"), Integer.class);

    private static final Table<Record> CLAIM = table(name("pool_claim"));
    private static final Table<Record> RELEASE = table(name("pool_release"));
    private static final Table<Record> WARNING = table(name("pool_warning"));

    private final DSLContext db;

    PoolRepository(DSLContext db) {
        this.db = db;
    }

    List<Pool> all() {
        return load(DSL.noCondition());
    }

    List<Pool> ofObject(String objectCode) {
        return load(OBJECT.eq(objectCode));
    }

    Optional<Pool> find(long id) {
        return load(ID.eq(id)).stream().findFirst();
    }

    private List<Pool> load(org.jooq.Condition where) {
        var pools = db.select(ID, OBJECT, NAME, DESCRIPTION, ACTIVE, WARN_DAYS, CLAIMS_PER_DAY, OWNED_CAP,
                CAP_EXCLUDES_WON, RECLAIM_BAR, VERSION).from(POOL).where(where).orderBy(OBJECT, NAME).fetch();
        if (pools.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = pools.stream().map(r -> r.get(ID)).collect(Collectors.toSet());
        Map<Long, List<PoolMember>> members = db.select(MEMBER_POOL, MEMBER_USER, MEMBER_DEPARTMENT, MEMBER_ADMIN)
                .from(MEMBER).where(MEMBER_POOL.in(ids)).orderBy(field(name("pool_member", "id"))).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.get(MEMBER_POOL), Collectors.mapping(
                        r -> new PoolMember(r.get(MEMBER_USER), r.get(MEMBER_DEPARTMENT), r.get(MEMBER_ADMIN)),
                        Collectors.toList())));
        Map<Long, List<PoolRule>> rules = db.select(RULE_POOL, RULE_KIND, RULE_DAYS, RULE_LEVEL, RULE_EXCLUDE_WON, RULE_EXCLUDE_OPEN)
                .from(RULE).where(RULE_POOL.in(ids)).orderBy(RULE_POSITION, field(name("pool_rule", "id"))).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.get(RULE_POOL), Collectors.mapping(
                        r -> new PoolRule(PoolRuleKind.valueOf(r.get(RULE_KIND)), r.get(RULE_DAYS), r.get(RULE_LEVEL),
                                r.get(RULE_EXCLUDE_WON), r.get(RULE_EXCLUDE_OPEN)), Collectors.toList())));
        return pools.map(r -> new Pool(r.get(ID), r.get(OBJECT), r.get(NAME), r.get(DESCRIPTION), r.get(ACTIVE),
                r.get(WARN_DAYS), r.get(CLAIMS_PER_DAY), r.get(OWNED_CAP), r.get(CAP_EXCLUDES_WON), r.get(RECLAIM_BAR),
                r.get(VERSION), members.getOrDefault(r.get(ID), List.of()), rules.getOrDefault(r.get(ID), List.of())));
    }

    long insert(PoolDraft draft, long actorId) {
        long id = db.insertInto(POOL).set(OBJECT, draft.objectCode()).set(CREATED_BY, actorId).set(NAME, draft.name())
                .set(ACTIVE, draft.active()).returning(ID).fetchOne(ID);
        write(id, draft);
        return id;
    }

    /** Saves the draft over the pool if it is still at the version read; false when someone changed it meanwhile. */
    boolean update(long id, int expectedVersion, PoolDraft draft) {
        int changed = db.update(POOL).set(VERSION, VERSION.plus(1)).set(UPDATED_AT, DSL.currentOffsetDateTime())
                .where(ID.eq(id)).and(VERSION.eq(expectedVersion)).execute();
        if (changed == 0) {
            return false;
        }
        write(id, draft);
        return true;
    }

    private void write(long id, PoolDraft draft) {
        db.update(POOL).set(NAME, draft.name()).set(DESCRIPTION, draft.description()).set(ACTIVE, draft.active())
                .set(WARN_DAYS, draft.warnDaysBefore()).set(CLAIMS_PER_DAY, draft.claimsPerDay())
                .set(OWNED_CAP, draft.ownedCap()).set(CAP_EXCLUDES_WON, draft.capExcludesWon())
                .set(RECLAIM_BAR, draft.reclaimBarDays()).where(ID.eq(id)).execute();
        db.deleteFrom(MEMBER).where(MEMBER_POOL.eq(id)).execute();
        for (PoolMember member : draft.members()) {
            db.insertInto(MEMBER).set(MEMBER_POOL, id).set(MEMBER_USER, member.userId())
                    .set(MEMBER_DEPARTMENT, member.departmentId()).set(MEMBER_ADMIN, member.admin()).execute();
        }
        db.deleteFrom(RULE).where(RULE_POOL.eq(id)).execute();
        int position = 0;
        for (PoolRule rule : draft.rules()) {
            db.insertInto(RULE).set(RULE_POOL, id).set(RULE_KIND, rule.kind().name()).set(RULE_DAYS, rule.days())
                    .set(RULE_LEVEL, rule.customerLevel()).set(RULE_EXCLUDE_WON, rule.excludeWon())
                    .set(RULE_EXCLUDE_OPEN, rule.excludeOpenOpportunities()).set(RULE_POSITION, position++).execute();
        }
    }

    boolean nameTaken(String objectCode, String name, Long exceptId) {
        return db.fetchExists(POOL, OBJECT.eq(objectCode).and(DSL.lower(NAME).eq(name.toLowerCase(java.util.Locale.ROOT)))
                .and(exceptId == null ? DSL.noCondition() : ID.ne(exceptId)));
    }

    /** Active pools of the object the user belongs to: directly, as an administrator, or through a department of their line. */
    Set<Long> poolsOf(long userId, Set<Long> departmentLine, String objectCode) {
        var member = MEMBER_USER.eq(userId);
        if (!departmentLine.isEmpty()) {
            member = member.or(MEMBER_DEPARTMENT.in(departmentLine));
        }
        return Set.copyOf(db.selectDistinct(ID).from(POOL).join(MEMBER).on(MEMBER_POOL.eq(ID))
                .where(OBJECT.eq(objectCode)).and(ACTIVE.isTrue()).and(member).fetch(ID));
    }

    // ---- the log --------------------------------------------------------------------------------

    void logClaim(long poolId, String objectCode, long recordId, long userId, Long assignedBy, OffsetDateTime at) {
        db.insertInto(CLAIM).set(field(name("pool_id")), poolId).set(field(name("object_code")), objectCode)
                .set(field(name("record_id")), recordId).set(field(name("user_id")), userId)
                .set(field(name("assigned_by")), assignedBy).set(field(name("claimed_at")), at).execute();
    }

    /** Whether the record was ever claimed or assigned out of one of these pools. */
    boolean claimedFromAnyOf(String objectCode, long recordId, Set<Long> poolIds) {
        return !poolIds.isEmpty() && db.fetchExists(CLAIM, field(name("object_code")).eq(objectCode)
                .and(field(name("record_id")).eq(recordId)).and(field(name("pool_id"), Long.class).in(poolIds)));
    }

    /** Claims the user made themselves (not assignments to them) from the pool since a time. */
    int claimsSince(long poolId, long userId, OffsetDateTime since) {
        return db.fetchCount(CLAIM, field(name("pool_id")).eq(poolId).and(field(name("user_id")).eq(userId))
                .and(field(name("assigned_by")).isNull()).and(field(name("claimed_at"), OffsetDateTime.class).ge(since)));
    }

    void logRelease(long poolId, String objectCode, long recordId, long previousOwnerId, Long releasedBy,
                    OffsetDateTime at, String reason) {
        db.insertInto(RELEASE).set(field(name("pool_id")), poolId).set(field(name("object_code")), objectCode)
                .set(field(name("record_id")), recordId).set(field(name("previous_owner_id")), previousOwnerId)
                .set(field(name("released_by")), releasedBy).set(field(name("released_at")), at)
                .set(field(name("reason")), reason).execute();
    }

    /** One statement for a whole sweep's returns. */
    void logReleases(long poolId, String objectCode, List<long[]> recordAndOwner, OffsetDateTime at, String reason) {
        if (recordAndOwner.isEmpty()) {
            return;
        }
        Long[] records = recordAndOwner.stream().map(r -> r[0]).toArray(Long[]::new);
        Long[] owners = recordAndOwner.stream().map(r -> r[1]).toArray(Long[]::new);
        db.execute("insert into pool_release (pool_id, object_code, record_id, previous_owner_id, released_at, reason) "
                        + "select {0}, {1}, r.id, r.owner, {2}, {3} from unnest({4}, {5}) as r(id, owner)",
                DSL.val(poolId), DSL.val(objectCode), DSL.val(at), DSL.val(reason), DSL.val(records), DSL.val(owners));
    }

    /** The latest return of each record: when, from whom and why, for the pool page. */
    Map<Long, PoolRelease> lastReleases(String objectCode, java.util.Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Map.of();
        }
        Field<Long> record = field(name("record_id"), Long.class);
        Field<Long> owner = field(name("previous_owner_id"), Long.class);
        Field<OffsetDateTime> at = field(name("released_at"), OffsetDateTime.class);
        Field<String> reason = field(name("reason"), String.class);
        return db.select(record, owner, at, reason).distinctOn(record).from(RELEASE)
                .where(field(name("object_code")).eq(objectCode)).and(record.in(recordIds))
                .orderBy(record, at.desc()).fetchMap(record, r -> new PoolRelease(r.value2(), r.value3(), r.value4()));
    }

    /** When the user last let the record go (returned it, or had it taken back), if they ever did. */
    Optional<OffsetDateTime> lastReleasedBy(String objectCode, long recordId, long userId) {
        Field<OffsetDateTime> at = field(name("released_at"), OffsetDateTime.class);
        return Optional.ofNullable(db.select(DSL.max(at)).from(RELEASE).where(field(name("object_code")).eq(objectCode))
                .and(field(name("record_id")).eq(recordId)).and(field(name("previous_owner_id")).eq(userId))
                .fetchOne(0, OffsetDateTime.class));
    }

    /** A record an owner is to be warned about, and the day it will go back. */
    record Warning(long recordId, long ownerId, java.time.LocalDate returnsOn) {
    }

    /**
     * Records the warnings not given before (per record and return day), in one statement; returns
     * those that are new, which are the ones to tell the owners about.
     */
    List<Warning> warnOnce(String objectCode, List<Warning> warnings, OffsetDateTime at) {
        if (warnings.isEmpty()) {
            return List.of();
        }
        Long[] records = warnings.stream().map(Warning::recordId).toArray(Long[]::new);
        Long[] owners = warnings.stream().map(Warning::ownerId).toArray(Long[]::new);
        java.time.LocalDate[] days = warnings.stream().map(Warning::returnsOn).toArray(java.time.LocalDate[]::new);
        return db.resultQuery("insert into pool_warning (object_code, record_id, returns_on, owner_id, warned_at) "
                        + "select {0}, w.record, w.day, w.owner, {1} from unnest({2}, {3}, {4}) as w(record, day, owner) "
                        + "on conflict do nothing returning record_id, owner_id, returns_on",
                DSL.val(objectCode), DSL.val(at), DSL.val(records), DSL.val(days), DSL.val(owners))
                .fetch(r -> new Warning(r.get(0, Long.class), r.get(1, Long.class), r.get(2, java.time.LocalDate.class)));
    }

    /**
     * A merged record's claims and returns become the kept record's (a previous owner's bar on
     * reclaiming follows the company, not the duplicate); its warnings go, as it will not return.
     */
    void moveBookkeeping(String objectCode, long fromId, long toId) {
        for (Table<Record> table : List.of(CLAIM, RELEASE)) {
            db.update(table).set(field(name("record_id"), Long.class), toId).where(field(name("object_code")).eq(objectCode))
                    .and(field(name("record_id")).eq(fromId)).execute();
        }
        db.deleteFrom(WARNING).where(field(name("object_code")).eq(objectCode)).and(field(name("record_id")).eq(fromId)).execute();
    }
}
