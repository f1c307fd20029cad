package io.haina.crm.platform.records;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Writes that follow from a business rule rather than from a user's hand on the record: a
 * follow-up moves its customer's "last follow-up" time, an assignment rule gives a new lead an
 * owner, a pool takes back a customer nobody has touched. The module that owns the rule has
 * already decided the write is due (and that the user who set it off may set it off); these
 * methods do not check the actor's grants or scope again, but they keep the engine's other
 * promises: typed columns, versions, history with who (nobody, for Haina itself) and why.
 */
@Service
@Transactional
public class SystemRecords {

    /** The pseudo-field of history entries that says why a rule moved a record. */
    public static final String REASON = "reason";
    /** The pseudo-field of history entries that says which pool a record went to or came from. */
    public static final String POOL = "pool_id";

    private final RecordAccess access;
    private final DSLContext db;
    private final Organization organization;
    private final RecordHistory history;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SystemRecords(RecordAccess access, DSLContext db, Organization organization, RecordHistory history, Clock clock,
                  ApplicationEventPublisher events) {
        this.access = access;
        this.db = db;
        this.organization = organization;
        this.history = history;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A live record as it is stored, whoever may see it: for a rule that decides from the record's
     * values (which assignment rule a new lead meets, whether it has had a follow-up yet). Masked
     * fields stay masked; what a rule reads here it must not show to a user who may not read it.
     */
    @Transactional(readOnly = true)
    public Optional<RecordData> read(String objectCode, long id) {
        ObjectDef object = access.object(objectCode);
        RecordTable t = new RecordTable(object);
        return db.select(t.selection(object)).from(t.table).where(t.id.eq(id)).and(t.deletedAt.isNull())
                .fetchOptional(row -> RecordService.toData(object, t, row));
    }

    /** Who owns each of these live records now; records in a pool, deleted or unknown are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Long> ownersOf(String objectCode, java.util.Collection<Long> ids) {
        RecordTable t = new RecordTable(access.object(objectCode));
        return db.select(t.id, t.ownerId).from(t.table).where(t.id.in(ids)).and(t.deletedAt.isNull())
                .and(t.ownerId.isNotNull()).fetchMap(t.id, t.ownerId);
    }

    /**
     * Writes a step of a rule to the record's history without changing the record (a reminder
     * sent, a manager told): the timeline shows what the rule did and why.
     */
    public void note(String objectCode, long id, String action, String reason) {
        note(objectCode, id, null, action, reason);
    }

    /**
     * Writes a step of a use case a user took to the history of a record it touched without
     * changing it (a lead converted into this customer): who, when, and why in the reader's words.
     */
    public void note(String objectCode, long id, Long actorId, String action, String reason) {
        RecordTable t = new RecordTable(access.object(objectCode));
        Integer version = db.select(t.version).from(t.table).where(t.id.eq(id)).fetchOne(t.version);
        if (version == null) {
            throw new NotFoundException(objectCode + " " + id);
        }
        history.record(objectCode, id, actorId, action, version, withReason(List.of(), reason));
    }

    /**
     * Sets fields as a named step of a use case rather than a user's edit (a lead converted: its
     * status, its links to what it became): typed as the fields hold them, a new version, and one
     * history entry by the actor under the step's name saying what each field was and became. The
     * object's hooks are not asked — the use case has already decided, and may set what no user
     * may type (a converted status) — nor the actor's grants again.
     */
    public void change(String objectCode, long id, long actorId, String action, Map<String, Object> values) {
        change(objectCode, id, actorId, action, values, null);
    }

    /**
     * The same, with why the rule made the change (a {@link ChangeReason}) in the history entry.
     * Returns false, writing nothing, when the fields already hold the values.
     */
    public boolean change(String objectCode, long id, long actorId, String action, Map<String, Object> values, String reason) {
        ObjectDef object = access.object(objectCode);
        RecordTable t = new RecordTable(object);
        RecordData current = db.select(t.selection(object)).from(t.table).where(t.id.eq(id)).and(t.deletedAt.isNull())
                .forUpdate().fetchOptional(row -> RecordService.toData(object, t, row))
                .orElseThrow(() -> new NotFoundException(objectCode + " " + id));
        List<FieldChange> changes = new ArrayList<>();
        var update = db.update(t.table).set(t.updatedBy, actorId).set(t.updatedAt, OffsetDateTime.now(clock))
                .set(t.version, t.version.plus(1));
        for (var entry : values.entrySet()) {
            FieldDef field = field(object, entry.getKey());
            if (!Objects.equals(current.get(field.name()), entry.getValue())) {
                changes.add(new FieldChange(field.name(), current.get(field.name()), entry.getValue()));
                update = update.set(t.of(field), ColumnValues.toColumn(entry.getValue()));
            }
        }
        if (changes.isEmpty()) {
            return false;
        }
        update.where(t.id.eq(id)).execute();
        history.record(objectCode, id, actorId, action, current.version() + 1,
                reason == null ? changes : withReason(changes, reason));
        events.publishEvent(new RecordEvent.Updated(objectCode, id, actorId, List.copyOf(changes)));
        return true;
    }

    /**
     * Sets fields whose values the system derives (read-only to users: a customer's last and next
     * follow-up). Like the bookkeeping columns, this moves neither the version (a user editing the
     * record meanwhile is not told their edit is stale) nor the history (the follow-up that caused
     * it is on the timeline). Values are typed as the fields hold them.
     */
    public void stamp(String objectCode, long id, Map<String, Object> values) {
        if (stamp(objectCode, List.of(id), values) == 0) {
            throw new NotFoundException(objectCode + " " + id);
        }
    }

    /**
     * {@link #stamp} on many records at once, in one statement however many there are (a nightly
     * sweep's returns); deleted or unknown ones are passed over. Returns how many were stamped.
     */
    public int stamp(String objectCode, java.util.Collection<Long> ids, Map<String, Object> values) {
        if (ids.isEmpty()) {
            return 0;
        }
        ObjectDef object = access.object(objectCode);
        RecordTable t = new RecordTable(object);
        var update = db.update(t.table).set(t.id, t.id);
        for (var entry : values.entrySet()) {
            update = update.set(t.of(field(object, entry.getKey())), ColumnValues.toColumn(entry.getValue()));
        }
        return update.where(t.id.eq(DSL.any(ids.toArray(Long[]::new)))).and(t.deletedAt.isNull()).execute();
    }

    /**
     * Gives a live record to an owner as a named step of a rule (an assignment rule, the transfer
     * of a leaving user's records): the owner's department comes along, the history says which
     * step did it and why. Returns the previous owner (empty if it sat in a pool).
     */
    public Optional<Long> assign(String objectCode, long id, long newOwnerId, Long actorId, String action, String reason) {
        ObjectDef object = access.object(objectCode);
        RecordTable t = new RecordTable(object);
        Record row = db.select(t.ownerId, t.version).from(t.table).where(t.id.eq(id)).and(t.deletedAt.isNull())
                .forUpdate().fetchOne();
        if (row == null) {
            throw new NotFoundException(objectCode + " " + id);
        }
        Long previous = row.get(t.ownerId);
        if (Objects.equals(previous, newOwnerId)) {
            return Optional.of(previous);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var update = db.update(t.table).set(t.ownerId, newOwnerId)
                .set(t.ownerDepartmentId, organization.departmentOf(newOwnerId).orElse(null))
                .set(t.updatedAt, now).set(t.version, t.version.plus(1));
        if (actorId != null) {
            update = update.set(t.updatedBy, actorId);
        }
        if (object.pooled()) {
            update = update.set(t.ownerSince(), now).setNull(t.poolId());
        }
        update.where(t.id.eq(id)).execute();
        history.record(objectCode, id, actorId, action, row.get(t.version) + 1,
                withReason(List.of(new FieldChange(SystemFields.OWNER.name(), previous, newOwnerId)), reason));
        events.publishEvent(new RecordOwnerChanged(objectCode, id, previous, newOwnerId, actorId, null));
        return Optional.ofNullable(previous);
    }

    /**
     * Live records whose lookup field points at one of the targets and that the given user owns:
     * what goes along when those targets are handed over (a customer's contacts its owner keeps).
     */
    @Transactional(readOnly = true)
    public List<Long> ownedReferring(String objectCode, String lookupField, java.util.Collection<Long> targetIds, long ownerId) {
        if (targetIds.isEmpty()) {
            return List.of();
        }
        ObjectDef object = access.object(objectCode);
        RecordTable t = new RecordTable(object);
        return db.select(t.id).from(t.table).where(t.of(field(object, lookupField)).in(targetIds)).and(t.ownerId.eq(ownerId))
                .and(t.deletedAt.isNull()).orderBy(t.id).fetch(t.id);
    }

    /**
     * Live records whose lookup field points at the target, in the order they were entered, narrowed
     * to those where fields hold given values: a customer's contacts, or its primary ones.
     */
    @Transactional(readOnly = true)
    public List<Long> referring(String objectCode, String lookupField, long targetId, FieldValue... where) {
        ObjectDef object = access.object(objectCode);
        RecordTable t = new RecordTable(object);
        Condition condition = t.of(field(object, lookupField)).eq(targetId).and(t.deletedAt.isNull());
        for (FieldValue value : where) {
            condition = condition.and(t.of(field(object, value.field())).eq(value.value()));
        }
        return db.select(t.id).from(t.table).where(condition).orderBy(t.id).fetch(t.id);
    }

    /**
     * Sets a field users edit themselves on each of these records, as a step of a rule (another
     * contact became the customer's primary one, so these no longer are): see
     * {@link #change(String, long, long, String, Map, String)}. Returns how many changed.
     */
    public int change(String objectCode, java.util.Collection<Long> ids, String fieldName, Object value, long actorId,
                      String reason) {
        int changed = 0;
        for (long id : ids) {
            if (change(objectCode, id, actorId, "UPDATED", Map.of(fieldName, value), reason)) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Gives every live record one user owns to another, set-based in batches of {@link #BATCH}
     * (a leaving user may own fifty thousand customers), each record with a new version and a
     * history entry saying why. Returns how many moved. Runs in the caller's transaction: all of
     * the user's records move, or none.
     */
    public int handOverAll(String objectCode, long fromUserId, long toUserId, long actorId, String action, String reason) {
        ObjectDef object = access.object(objectCode);
        RecordTable t = new RecordTable(object);
        Long department = organization.departmentOf(toUserId).orElse(null);
        int moved = 0;
        while (true) {
            var batch = DSL.select(t.id.as("batch_id")).from(t.table)
                    .where(t.ownerId.eq(fromUserId)).and(t.deletedAt.isNull()).limit(BATCH).forUpdate().asTable("batch");
            OffsetDateTime now = OffsetDateTime.now(clock);
            var update = db.update(t.table).set(t.ownerId, toUserId).set(t.ownerDepartmentId, department)
                    .set(t.updatedBy, actorId).set(t.updatedAt, now).set(t.version, t.version.plus(1));
            if (object.pooled()) {
                update = update.set(t.ownerSince(), now);
            }
            var rows = update.from(batch).where(t.id.eq(batch.field("batch_id", Long.class))).returning(t.id, t.version).fetch();
            if (rows.isEmpty()) {
                return moved;
            }
            history.recordSame(objectCode, actorId, action, rows.getValues(t.id), rows.getValues(t.version),
                    withReason(List.of(new FieldChange(SystemFields.OWNER.name(), fromUserId, toUserId)), reason));
            moved += rows.size();
        }
    }

    /** How many records one statement of {@link #handOverAll} moves: big enough to be quick, small enough to keep each statement short. */
    static final int BATCH = 5_000;

    // ---- pools --------------------------------------------------------------------------------

    /** The pool a record of a pooled object sits in; empty while it has an owner. */
    @Transactional(readOnly = true)
    public Optional<Long> poolOf(String objectCode, long id) {
        RecordTable t = pooledTable(objectCode);
        return db.select(t.poolId()).from(t.table).where(t.id.eq(id)).and(t.deletedAt.isNull()).fetchOptional(t.poolId());
    }

    /**
     * Puts an owned record into a pool (a manual return, with the user's reason): it has no owner
     * from now on and the pool's members see it. Returns the owner it had, or empty when it was
     * already in a pool (nothing is written then).
     */
    public Optional<Long> release(String objectCode, long id, long poolId, Long actorId, String action, String reason) {
        RecordTable t = pooledTable(objectCode);
        Record row = db.select(t.ownerId, t.version).from(t.table).where(t.id.eq(id)).and(t.deletedAt.isNull())
                .forUpdate().fetchOne();
        if (row == null) {
            throw new NotFoundException(objectCode + " " + id);
        }
        if (row.get(t.ownerId) == null) {
            return Optional.empty();
        }
        var update = db.update(t.table).setNull(t.ownerId).setNull(t.ownerDepartmentId).setNull(t.ownerSince())
                .set(t.poolId(), poolId).set(t.returnLocked(), false)
                .set(t.updatedAt, OffsetDateTime.now(clock)).set(t.version, t.version.plus(1));
        if (actorId != null) {
            update = update.set(t.updatedBy, actorId);
        }
        update.where(t.id.eq(id)).execute();
        history.record(objectCode, id, actorId, action, row.get(t.version) + 1, releaseChanges(row.get(t.ownerId), poolId, reason));
        events.publishEvent(new RecordsReturnedToPool(objectCode, poolId, Map.of(id, row.get(t.ownerId))));
        return Optional.of(row.get(t.ownerId));
    }

    /**
     * Takes a record out of a pool for a new owner (a claim, or an assignment by the pool's
     * administrator). False when it is no longer in that pool: someone else was quicker, and
     * nothing is written. Concurrent takers wait on the row, so only one of them gets it.
     */
    public boolean take(String objectCode, long id, long poolId, long newOwnerId, long actorId, String action) {
        RecordTable t = pooledTable(objectCode);
        Integer version = db.select(t.version).from(t.table).where(t.id.eq(id)).and(t.deletedAt.isNull())
                .and(t.poolId().eq(poolId)).forUpdate().fetchOne(t.version);
        if (version == null) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.update(t.table).set(t.ownerId, newOwnerId)
                .set(t.ownerDepartmentId, organization.departmentOf(newOwnerId).orElse(null)).set(t.ownerSince(), now)
                .setNull(t.poolId()).set(t.updatedBy, actorId).set(t.updatedAt, now).set(t.version, t.version.plus(1))
                .where(t.id.eq(id)).execute();
        history.record(objectCode, id, actorId, action, version + 1, List.of(
                new FieldChange(POOL, poolId, null), new FieldChange(SystemFields.OWNER.name(), null, newOwnerId)));
        events.publishEvent(new RecordOwnerChanged(objectCode, id, null, newOwnerId, actorId, poolId));
        return true;
    }

    /** Keeps an owned record from returning to its pool automatically (or lets it again). */
    public void lockAgainstReturn(String objectCode, long id, boolean locked, long actorId) {
        RecordTable t = pooledTable(objectCode);
        Record row = db.select(t.returnLocked(), t.version).from(t.table).where(t.id.eq(id)).and(t.deletedAt.isNull())
                .and(t.ownerId.isNotNull()).forUpdate().fetchOne();
        if (row == null) {
            throw new NotFoundException(objectCode + " " + id);
        }
        if (row.get(t.returnLocked()) == locked) {
            return;
        }
        db.update(t.table).set(t.returnLocked(), locked).set(t.version, t.version.plus(1))
                .set(t.updatedBy, actorId).set(t.updatedAt, OffsetDateTime.now(clock)).where(t.id.eq(id)).execute();
        history.record(objectCode, id, actorId, locked ? "RETURN_LOCKED" : "RETURN_UNLOCKED", row.get(t.version) + 1, List.of());
    }

    /** Whether an owned record is kept from returning to its pool. */
    @Transactional(readOnly = true)
    public boolean isLockedAgainstReturn(String objectCode, long id) {
        RecordTable t = pooledTable(objectCode);
        return Boolean.TRUE.equals(db.select(t.returnLocked()).from(t.table).where(t.id.eq(id)).fetchOne(t.returnLocked()));
    }

    /** How many live records a user owns, leaving out those where a field holds the given value (won customers). */
    @Transactional(readOnly = true)
    public int countOwned(String objectCode, long ownerId, Optional<FieldValue> except) {
        ObjectDef object = access.object(objectCode);
        RecordTable t = new RecordTable(object);
        Condition where = t.ownerId.eq(ownerId).and(t.deletedAt.isNull());
        if (except.isPresent()) {
            where = where.and(t.of(field(object, except.get().field())).isDistinctFrom(except.get().value()));
        }
        return db.fetchCount(t.table, where);
    }

    /**
     * How many live records each of the users owns, leaving out those where a field holds one of
     * the given values (a lead converted or found invalid is no load): what "least loaded" weighs.
     * Users who own none are counted as 0.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> ownedCounts(String objectCode, java.util.Collection<Long> owners, List<FieldValue> exceptWhere) {
        ObjectDef object = access.object(objectCode);
        RecordTable t = new RecordTable(object);
        Condition where = t.ownerId.in(owners).and(t.deletedAt.isNull());
        for (FieldValue except : exceptWhere) {
            where = where.and(t.of(field(object, except.field())).isDistinctFrom(except.value()));
        }
        Map<Long, Integer> counts = new java.util.LinkedHashMap<>();
        owners.forEach(owner -> counts.put(owner, 0));
        db.select(t.ownerId, DSL.count()).from(t.table).where(where).groupBy(t.ownerId)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    /**
     * Owned records that have gone untouched: the ones a pool's rule returns (or, with a later
     * cutoff, warns about). At most {@code limit}, oldest-held first.
     */
    @Transactional(readOnly = true)
    public List<Untouched> untouched(String objectCode, Staleness staleness, int limit) {
        ObjectDef object = access.object(objectCode);
        RecordTable t = pooledTable(objectCode);
        var since = since(object, t, staleness);
        return db.select(t.id, t.ownerId, t.of(object.field(object.nameField()).orElseThrow()), since)
                .from(t.table).where(staleCondition(object, t, staleness)).orderBy(since, t.id).limit(limit)
                .fetch(r -> new Untouched(r.value1(), r.value2(), String.valueOf(r.value3()), r.value4()));
    }

    /**
     * Returns every owned record the staleness describes to a pool, in one statement however many
     * there are, each with a history entry giving the reason; locked records stay. Records already
     * in a pool are not "owned", so running the same sweep twice returns nothing the second time.
     */
    public List<Untouched> sweep(String objectCode, Staleness staleness, long poolId, String action, String reason) {
        ObjectDef object = access.object(objectCode);
        RecordTable t = pooledTable(objectCode);
        var old = DSL.select(t.id.as("old_id"), t.ownerId.as("old_owner")).from(t.table)
                .where(staleCondition(object, t, staleness)).forUpdate().skipLocked().asTable("old");
        var oldId = old.field("old_id", Long.class);
        var oldOwner = old.field("old_owner", Long.class);
        var name = t.of(object.field(object.nameField()).orElseThrow());
        var released = db.update(t.table).setNull(t.ownerId).setNull(t.ownerDepartmentId).setNull(t.ownerSince())
                .set(t.poolId(), poolId).set(t.updatedAt, OffsetDateTime.now(clock)).set(t.version, t.version.plus(1))
                .from(old).where(t.id.eq(oldId))
                .returning(t.id, oldOwner, t.version, name).fetch();
        List<Untouched> result = new ArrayList<>(released.size());
        List<RecordHistory.Released> entries = new ArrayList<>(released.size());
        for (Record row : released) {
            result.add(new Untouched(row.get(t.id), row.get(oldOwner), String.valueOf(row.get(name)), null));
            entries.add(new RecordHistory.Released(row.get(t.id), row.get(oldOwner), row.get(t.version)));
        }
        history.recordReleases(objectCode, action, poolId, reason, entries);
        if (!result.isEmpty()) {
            Map<Long, Long> previousOwners = new java.util.HashMap<>();
            result.forEach(r -> previousOwners.put(r.id(), r.ownerId()));
            events.publishEvent(new RecordsReturnedToPool(objectCode, poolId, previousOwners));
        }
        return result;
    }

    /** Since when a record counts as untouched: its owner got it, or the rule's field last moved, whichever is later. */
    private static org.jooq.Field<OffsetDateTime> since(ObjectDef object, RecordTable t, Staleness staleness) {
        return staleness.sinceField() == null ? t.ownerSince()
                : DSL.greatest(t.ownerSince(), t.column(field(object, staleness.sinceField()).name(), OffsetDateTime.class));
    }

    private Condition staleCondition(ObjectDef object, RecordTable t, Staleness staleness) {
        var since = since(object, t, staleness);
        Condition where = t.deletedAt.isNull().and(t.ownerId.isNotNull()).and(t.returnLocked().isFalse())
                .and(since.lt(staleness.cutoff()))
                .and(staleness.owners().isEmpty() ? DSL.falseCondition() : t.ownerId.in(staleness.owners()));
        for (FieldValue only : staleness.onlyWhere()) {
            where = where.and(t.of(field(object, only.field())).eq(only.value()));
        }
        for (FieldValue except : staleness.exceptWhere()) {
            where = where.and(t.of(field(object, except.field())).isDistinctFrom(except.value()));
        }
        return where;
    }

    private static FieldDef field(ObjectDef object, String name) {
        return object.field(name).orElseThrow(() -> new IllegalArgumentException(object.code() + " has no field " + name));
    }

    private RecordTable pooledTable(String objectCode) {
        ObjectDef object = access.object(objectCode);
        if (!object.pooled()) {
            throw new IllegalArgumentException(objectCode + " has no pools");
        }
        return new RecordTable(object);
    }

    private static List<FieldChange> releaseChanges(Long previousOwner, long poolId, String reason) {
        return withReason(List.of(new FieldChange(SystemFields.OWNER.name(), previousOwner, null),
                new FieldChange(POOL, null, poolId)), reason);
    }

    /** The changes with the reason after them, as a history entry keeps it; the changes alone without one. */
    static List<FieldChange> withReason(List<FieldChange> changes, String reason) {
        if (reason == null || reason.isBlank()) {
            return changes;
        }
        List<FieldChange> all = new ArrayList<>(changes);
        all.add(new FieldChange(REASON, null, reason));
        return all;
    }

    /** A field and a value it holds, typed as the field stores it. */
    public record FieldValue(String field, Object value) {
    }

    /**
     * Which owned records count as untouched: owned by one of {@code owners}, held (and, with
     * {@code sinceField}, also not worked on in that field, a last follow-up say) since before the
     * cutoff, narrowed to records where fields hold given values and away from records where they
     * hold others.
     */
    public record Staleness(java.util.Set<Long> owners, OffsetDateTime cutoff, String sinceField,
                            List<FieldValue> onlyWhere, List<FieldValue> exceptWhere) {
        public Staleness {
            Objects.requireNonNull(cutoff);
            owners = java.util.Set.copyOf(owners);
            onlyWhere = List.copyOf(onlyWhere);
            exceptWhere = List.copyOf(exceptWhere);
        }
    }

    /** An owned record a rule is about: which, whose, its name for the notice, and since when untouched (where asked). */
    public record Untouched(long id, long ownerId, String name, OffsetDateTime since) {
    }
}
