package io.haina.crm.platform.records;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.DuplicateKey;
import io.haina.crm.platform.metadata.FieldAccess;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.metadata.Parsed;
import io.haina.crm.platform.security.DataScope;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.OwnerScope;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Creates, reads, updates, deletes and restores records of any declared object. The one door to
 * record tables: the action must be granted, the record's owner must be in the actor's data scope
 * (else "not found", as for a record that does not exist), input is read per field type, edits
 * carry the version they were made on, and every change is written to the record's history.
 */
@Service
@Transactional
public class RecordService {

    /** The pseudo-field of history entries about the team: the user added or removed. */
    public static final String TEAM_CHANGE = "team";

    private final RecordAccess access;
    private final DSLContext db;
    private final Organization organization;
    private final RecordHistory history;
    private final Clock clock;
    private final List<RecordHook> hooks;
    private final ApplicationEventPublisher events;
    private final RecordTeam team;
    private final LookupTargets lookups;
    private final MergeLinks merges;
    private final RecordFiles files;

    RecordService(RecordAccess access, DSLContext db, Organization organization, RecordHistory history, Clock clock,
                  ObjectProvider<RecordHook> hooks, ApplicationEventPublisher events, RecordTeam team,
                  LookupTargets lookups, MergeLinks merges, RecordFiles files) {
        this.lookups = lookups;
        this.files = files;
        this.merges = merges;
        this.access = access;
        this.db = db;
        this.organization = organization;
        this.history = history;
        this.clock = clock;
        this.hooks = hooks.orderedStream().toList();
        this.events = events;
        this.team = team;
    }

    /** Creates a record owned by the actor, typed in by hand (see {@link #create(long, String, Map, EntryChannel)}). */
    public RecordData create(long actorId, String objectCode, Map<String, String> input) {
        return create(actorId, objectCode, input, EntryChannel.BY_HAND);
    }

    /**
     * Creates a record owned by the actor; every declared field is read from the input (missing =
     * blank). The channel it came through travels with {@link RecordEvent.Created}.
     */
    public RecordData create(long actorId, String objectCode, Map<String, String> input, EntryChannel channel) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.CREATE);
        Map<String, Object> values = parse(actorId, object, input, null);
        hooksOf(objectCode).forEach(hook -> hook.beforeSave(actorId, null, values));
        RecordTable t = new RecordTable(object);
        requireUnique(object, t, values, null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var insert = db.insertInto(t.table).set(t.ownerId, actorId)
                .set(t.ownerDepartmentId, organization.departmentOf(actorId).orElse(null))
                .set(t.createdBy, actorId).set(t.createdAt, now).set(t.updatedBy, actorId).set(t.updatedAt, now);
        if (object.pooled()) {
            insert = insert.set(t.ownerSince(), now);
        }
        for (var entry : values.entrySet()) {
            insert = insert.set(t.of(object.field(entry.getKey()).orElseThrow()), ColumnValues.toColumn(entry.getValue()));
            for (DuplicateKey key : keysOf(object, entry.getKey())) {
                insert = insert.set(t.keyColumn(key), keyValue(key, entry.getValue()));
            }
        }
        long id = insertReturningId(object, insert.returning(t.id));
        files.sync(actorId, object, id, null, values);
        List<FieldChange> changes = values.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> new FieldChange(e.getKey(), null, e.getValue())).toList();
        history.record(objectCode, id, actorId, "CREATED", 0, changes);
        events.publishEvent(new RecordEvent.Created(objectCode, id, actorId, channel));
        return load(object, t, t.id.eq(id)).orElseThrow();
    }

    @Transactional(readOnly = true)
    public RecordData read(long actorId, String objectCode, long id) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.VIEW);
        RecordTable t = new RecordTable(object);
        return load(object, t, t.id.eq(id).and(access.visible(actorId, objectCode, t)))
                .orElseThrow(() -> new NotFoundException(objectCode + " " + id));
    }

    /**
     * The record's changes, newest first, for those who may read the record: its own, and those of
     * the records merged into it (each saying which).
     */
    @Transactional(readOnly = true)
    public List<RecordHistoryEntry> history(long actorId, String objectCode, long id) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.VIEW);
        read(actorId, objectCode, id);
        Map<Long, String> merged = merges.mergedInto(objectCode, id);
        return history.of(objectCode, withMerged(id, merged), 200).stream().map(e -> visible(object, e, merged)).toList();
    }

    /**
     * A page of the record's changes older than a point (see {@link RecordHistory#before}), newest
     * first, for those who may read the record: what a timeline merges with its other entries.
     */
    @Transactional(readOnly = true)
    public List<RecordHistoryEntry> historyBefore(long actorId, String objectCode, long id, OffsetDateTime beforeAt,
                                                  long beforeId, int limit) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.VIEW);
        read(actorId, objectCode, id);
        Map<Long, String> merged = merges.mergedInto(objectCode, id);
        return history.before(objectCode, withMerged(id, merged), beforeAt, beforeId, limit).stream()
                .map(e -> visible(object, e, merged)).toList();
    }

    private static List<Long> withMerged(long id, Map<Long, String> merged) {
        List<Long> ids = new ArrayList<>(merged.size() + 1);
        ids.add(id);
        ids.addAll(merged.keySet());
        return ids;
    }

    private static RecordHistoryEntry visible(ObjectDef object, RecordHistory.Entry e, Map<Long, String> merged) {
        String mergedFrom = merged.containsKey(e.recordId()) ? Objects.requireNonNullElse(merged.get(e.recordId()), "#" + e.recordId()) : null;
        return new RecordHistoryEntry(e.at(), e.by(), e.action(), visibleChanges(object, e.changes()), e.id(), mergedFrom);
    }

    /** Changes as the actor may see them: none to fields hidden from them, masked values masked. */
    private static List<FieldChange> visibleChanges(ObjectDef object, List<FieldChange> changes) {
        List<FieldChange> visible = new ArrayList<>();
        for (FieldChange change : changes) {
            if (change.field().equals(TEAM_CHANGE) || SystemFields.isSystem(change.field())
                    || change.field().equals(SystemRecords.REASON) || change.field().equals(SystemRecords.POOL)) {
                visible.add(change);
            }
            object.field(change.field()).ifPresent(field -> visible.add(field.access() == FieldAccess.MASKED
                    ? new FieldChange(change.field(), Masking.mask(field.type(), change.from()), Masking.mask(field.type(), change.to()))
                    : change));
        }
        return visible;
    }

    /**
     * Changes the fields present in the input, if the record is still at {@code expectedVersion};
     * otherwise nothing is written and the caller learns what changed in between.
     */
    public RecordData update(long actorId, String objectCode, long id, int expectedVersion, Map<String, String> input) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.EDIT);
        RecordTable t = new RecordTable(object);
        RecordData current = lockChangeable(actorId, object, t, id);
        Map<String, Object> values = parse(actorId, object, withoutUnchangedLocked(object, current, input), current);
        if (current.version() != expectedVersion) {
            throw stale(object, current, expectedVersion);
        }
        return write(actorId, object, t, current, values, "UPDATED", null);
    }

    /** The refusal of a change made on an older version: what changed since, as the actor may see it. */
    StaleRecordException stale(ObjectDef object, RecordData current, int expectedVersion) {
        return new StaleRecordException(String.valueOf(current.get(object.nameField())), current.version(),
                visibleChanges(object, history.changesSince(object.code(), current.id(), expectedVersion)));
    }

    /**
     * Writes read values to a record locked by {@link #lockChangeable}: the object's rules see them
     * first, unique fields and duplicate keys are kept, the version moves and the history says what
     * changed (and why, with a {@link ChangeReason reason}). Without a reason, a write that changes
     * nothing writes nothing; with one it is still an event in the record's life (a merge).
     */
    RecordData write(long actorId, ObjectDef object, RecordTable t, RecordData current, Map<String, Object> values,
                     String action, String reason) {
        String objectCode = object.code();
        long id = current.id();
        hooksOf(objectCode).forEach(hook -> hook.beforeSave(actorId, current, values));
        List<FieldChange> changes = new ArrayList<>();
        values.forEach((field, value) -> {
            if (!Objects.equals(current.get(field), value)) {
                changes.add(new FieldChange(field, current.get(field), value));
            }
        });
        if (changes.isEmpty() && reason == null) {
            return current;
        }
        requireUnique(object, t, values, id);
        var update = db.update(t.table).set(t.updatedBy, actorId).set(t.updatedAt, OffsetDateTime.now(clock))
                .set(t.version, t.version.plus(1));
        for (FieldChange change : changes) {
            update = update.set(t.of(object.field(change.field()).orElseThrow()), ColumnValues.toColumn(change.to()));
            for (DuplicateKey key : keysOf(object, change.field())) {
                update = update.set(t.keyColumn(key), keyValue(key, change.to()));
            }
        }
        try {
            update.where(t.id.eq(id)).and(t.version.eq(current.version())).execute();
        } catch (DuplicateKeyException e) {
            throw duplicate(object, e);
        }
        files.sync(actorId, object, id, current, values);
        history.record(objectCode, id, actorId, action, current.version() + 1, SystemRecords.withReason(changes, reason));
        events.publishEvent(new RecordEvent.Updated(objectCode, id, actorId, List.copyOf(changes)));
        return load(object, t, t.id.eq(id)).orElseThrow();
    }

    /** Moves a record to the recycle bin. */
    public void delete(long actorId, String objectCode, long id) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.DELETE);
        RecordTable t = new RecordTable(object);
        softDelete(actorId, object, t, lockChangeable(actorId, object, t, id), "DELETED", null);
    }

    /** Puts a record locked by {@link #lockChangeable} in the recycle bin, the history saying which step did it and why. */
    void softDelete(long actorId, ObjectDef object, RecordTable t, RecordData current, String action, String reason) {
        hooksOf(object.code()).forEach(hook -> hook.beforeDelete(actorId, current));
        db.update(t.table).set(t.deletedAt, OffsetDateTime.now(clock)).set(t.deletedBy, actorId)
                .set(t.version, t.version.plus(1)).where(t.id.eq(current.id())).execute();
        history.record(object.code(), current.id(), actorId, action, current.version() + 1, SystemRecords.withReason(List.of(), reason));
        events.publishEvent(new RecordEvent.Deleted(object.code(), current.id(), actorId));
    }

    /**
     * Gives a record to another owner (and the owner's department): needs the TRANSFER grant and
     * the record within reach to change; the new owner must be an active user.
     */
    public RecordData transfer(long actorId, String objectCode, long id, long newOwnerId) {
        return transfer(actorId, objectCode, id, newOwnerId, null);
    }

    /**
     * A transfer as a step of a larger one (a customer handed over with its contacts): the history
     * also says why, as a {@link ChangeReason} ("transferred from 王小明 to 李娜").
     */
    public RecordData transfer(long actorId, String objectCode, long id, long newOwnerId, String reason) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.TRANSFER);
        RecordTable t = new RecordTable(object);
        if (!organization.isActiveUser(newOwnerId)) {
            throw InvalidInputException.of("ownerId", "record.error.team-user");
        }
        RecordData current = lockChangeable(actorId, object, t, id);
        if (Objects.equals(current.ownerId(), newOwnerId)) {
            return current;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var update = db.update(t.table).set(t.ownerId, newOwnerId)
                .set(t.ownerDepartmentId, organization.departmentOf(newOwnerId).orElse(null))
                .set(t.updatedBy, actorId).set(t.updatedAt, now).set(t.version, t.version.plus(1));
        if (object.pooled()) {
            update = update.set(t.ownerSince(), now).setNull(t.poolId());
        }
        update.where(t.id.eq(id)).execute();
        List<FieldChange> changes = List.of(new FieldChange(SystemFields.OWNER.name(), current.ownerId(), newOwnerId));
        history.record(objectCode, id, actorId, "TRANSFERRED", current.version() + 1, SystemRecords.withReason(changes, reason));
        events.publishEvent(new RecordEvent.Updated(objectCode, id, actorId, changes));
        events.publishEvent(new RecordOwnerChanged(objectCode, id, current.ownerId(), newOwnerId, actorId, null));
        return load(access.require(actorId, objectCode, ObjectAction.VIEW), t, t.id.eq(id)).orElseGet(() -> current);
    }

    /**
     * The record, locked until the transaction ends, when the actor may edit it (the grant, and the
     * record within their reach to change): for use cases that change a record in a named way
     * (return it to a pool) and must refuse whoever could not have edited it.
     */
    public RecordData requireChangeable(long actorId, String objectCode, long id) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.EDIT);
        return lockChangeable(actorId, object, new RecordTable(object), id);
    }

    /** Brings a record back from the recycle bin; administrators only. */
    public RecordData restore(long actorId, String objectCode, long id) {
        ObjectDef object = access.object(objectCode);
        if (!access.isAdministrator(actorId)) {
            throw new AccessDeniedException("the recycle bin is for administrators");
        }
        RecordTable t = new RecordTable(object);
        RecordData deleted = load(object, t, t.id.eq(id).and(t.deletedAt.isNotNull()))
                .orElseThrow(() -> new NotFoundException(objectCode + " " + id));
        try {
            db.update(t.table).setNull(t.deletedAt).setNull(t.deletedBy).set(t.version, t.version.plus(1))
                    .where(t.id.eq(id)).execute();
        } catch (DuplicateKeyException e) {
            throw duplicate(object, e);
        }
        merges.unlink(objectCode, id);
        history.record(objectCode, id, actorId, "RESTORED", deleted.version() + 1, List.of());
        events.publishEvent(new RecordEvent.Restored(objectCode, id, actorId));
        return load(object, t, t.id.eq(id)).orElseThrow();
    }

    private List<RecordHook> hooksOf(String objectCode) {
        return hooks.stream().filter(hook -> hook.object().equals(objectCode)).toList();
    }

    /**
     * The record, locked for a change the actor may make: "not found" when they cannot even see it,
     * "forbidden" when they see it only as a read-only team member.
     */
    RecordData lockChangeable(long actorId, ObjectDef object, RecordTable t, long id) {
        Condition where = t.id.eq(id).and(access.changeable(actorId, object.code(), t));
        Record row = db.select(t.selection(object)).from(t.table).where(where).forUpdate().fetchOne();
        if (row == null) {
            if (db.fetchExists(t.table, t.id.eq(id).and(access.visible(actorId, object.code(), t)))) {
                throw new AccessDeniedException(object.code() + " " + id + " is shared read-only");
            }
            throw new NotFoundException(object.code() + " " + id);
        }
        return toData(object, t, row);
    }

    /** Who is on the record's team, for those who may read the record. */
    @Transactional(readOnly = true)
    public List<TeamMember> team(long actorId, String objectCode, long id) {
        read(actorId, objectCode, id);
        return team.of(objectCode, id);
    }

    /**
     * Adds someone to the record's team (or changes their access): for those who may edit the
     * record through their own data scope — a team member does not share the record further.
     */
    public void shareWith(long actorId, String objectCode, long id, long userId, boolean canEdit, OffsetDateTime expiresAt) {
        requireTeamManager(actorId, objectCode, id);
        InputChecks checks = new InputChecks();
        checks.check(organization.isActiveUser(userId), "userId", "record.error.team-user");
        checks.check(expiresAt == null || expiresAt.isAfter(OffsetDateTime.now(clock)), "expiresAt", "record.error.team-expiry");
        checks.throwIfAny();
        team.put(objectCode, id, userId, canEdit, expiresAt, actorId);
        history.record(objectCode, id, actorId, canEdit ? "SHARED_EDIT" : "SHARED_READ", versionOf(objectCode, id),
                List.of(new FieldChange(TEAM_CHANGE, null, userId)));
    }

    public void unshare(long actorId, String objectCode, long id, long userId) {
        requireTeamManager(actorId, objectCode, id);
        if (team.remove(objectCode, id, userId)) {
            history.record(objectCode, id, actorId, "UNSHARED", versionOf(objectCode, id),
                    List.of(new FieldChange(TEAM_CHANGE, userId, null)));
        }
    }

    /**
     * Whether the record is within the actor's reach to change (their scope, or a team with edit
     * access): a record they only read, through a read-only team or a pool, offers no edit button.
     */
    @Transactional(readOnly = true)
    public boolean mayChange(long actorId, String objectCode, long id) {
        RecordTable t = new RecordTable(access.object(objectCode));
        return db.fetchExists(t.table, t.id.eq(id).and(access.changeable(actorId, objectCode, t)));
    }

    /** Whether the actor may change the record's team (shown as the team tab's controls). */
    @Transactional(readOnly = true)
    public boolean mayManageTeam(long actorId, String objectCode, long id) {
        try {
            requireTeamManager(actorId, objectCode, id);
            return true;
        } catch (AccessDeniedException | NotFoundException e) {
            return false;
        }
    }

    private void requireTeamManager(long actorId, String objectCode, long id) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.EDIT);
        RecordTable t = new RecordTable(object);
        if (!db.fetchExists(t.table, t.id.eq(id).and(access.inScope(actorId, objectCode, t)))) {
            read(actorId, objectCode, id); // not visible at all: "not found"
            throw new AccessDeniedException("only those who reach " + objectCode + " " + id + " by scope share it");
        }
    }

    private int versionOf(String objectCode, long id) {
        RecordTable t = new RecordTable(access.object(objectCode));
        return db.select(t.version).from(t.table).where(t.id.eq(id)).fetchOne(t.version);
    }

    private java.util.Optional<RecordData> load(ObjectDef object, RecordTable t, Condition where) {
        return db.select(t.selection(object)).from(t.table).where(where).fetchOptional(row -> toData(object, t, row));
    }

    /**
     * A row read with {@link RecordTable#selection}. Its fields are read by position: finding each
     * value by its column's name cost a new jOOQ field and a search of the row's fields per value
     * (2% of an API list request's CPU).
     */
    static RecordData toData(ObjectDef object, RecordTable t, Record row) {
        Map<String, Object> values = new LinkedHashMap<>();
        int column = RecordTable.FIRST_FIELD;
        for (FieldDef field : object.fields()) {
            Object value = ColumnValues.fromColumn(row.get(column++));
            values.put(field.name(), field.access() == FieldAccess.MASKED ? Masking.mask(field.type(), value) : value);
        }
        return new RecordData(object.code(), row.get(t.id), values, row.get(t.ownerId), row.get(t.ownerDepartmentId),
                row.get(t.createdBy), row.get(t.createdAt), row.get(t.updatedBy), row.get(t.updatedAt), row.get(t.version));
    }

    /**
     * The input without the read-only and masked fields it sends back unchanged (a client may send
     * the whole record it read); a changed one stays and is refused by {@link #parse}.
     */
    private static Map<String, String> withoutUnchangedLocked(ObjectDef object, RecordData current, Map<String, String> input) {
        Map<String, String> kept = new LinkedHashMap<>(input);
        for (FieldDef field : object.fields()) {
            if (!field.access().editable() && input.containsKey(field.name())) {
                String sent = input.get(field.name());
                Object now = current.get(field.name());
                boolean same = sent == null || sent.isBlank() ? now == null
                        : now != null && (sent.strip().equals(String.valueOf(now))
                        || field.parse(sent).ok() && Objects.equals(field.parse(sent), Parsed.value(now)));
                if (same) {
                    kept.remove(field.name());
                }
            }
        }
        return kept;
    }

    /**
     * Reads every field of the input (all declared fields on create, when there is no current
     * record), collecting all problems at once; lookups must point at records the actor may see.
     */
    private Map<String, Object> parse(long actorId, ObjectDef object, Map<String, String> input, RecordData current) {
        boolean allFields = current == null;
        InputChecks checks = new InputChecks();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : input.keySet()) {
            if (object.field(name).isEmpty()) {
                checks.add(name, "record.error.unknown-field", name);
            }
        }
        for (FieldDef field : object.fields()) {
            if (field.type() instanceof FieldType.AutoNumber || (!allFields && !input.containsKey(field.name()))) {
                continue;
            }
            if (!field.access().editable()) {
                String raw = input.get(field.name());
                if (raw != null && !raw.isBlank()) {
                    checks.add(field.name(), "record.error.read-only");
                } else if (allFields && field.parseForCreate(null) instanceof Parsed.Value(Object byDefault)) {
                    values.put(field.name(), byDefault); // a new record still gets the field's default
                }
                continue;
            }
            String raw = input.get(field.name());
            switch (allFields ? field.parseForCreate(raw) : field.parse(raw)) {
                case Parsed.Value(Object value) -> values.put(field.name(), value);
                case Parsed.Refused refused -> checks.add(field.name(), refused.messageKey(), refused.args());
            }
        }
        lookups.check(actorId, object, values, current, checks);
        files.check(actorId, object, values, current, checks);
        checks.throwIfAny();
        return values;
    }

    private void requireUnique(ObjectDef object, RecordTable t, Map<String, Object> values, Long exceptId) {
        InputChecks checks = new InputChecks();
        for (FieldDef field : object.fields()) {
            Object value = values.get(field.name());
            if (!field.unique() || value == null) {
                continue;
            }
            Condition same = value instanceof String s ? DSL.lower(t.column(field.name(), String.class)).eq(s.toLowerCase(java.util.Locale.ROOT))
                    : t.of(field).eq(value);
            Condition others = exceptId == null ? DSL.noCondition() : t.id.ne(exceptId);
            if (db.fetchExists(t.table, same.and(t.deletedAt.isNull()).and(others))) {
                checks.add(field.name(), "validation.duplicate", value);
            }
        }
        checks.throwIfAny();
    }

    private long insertReturningId(ObjectDef object, org.jooq.InsertResultStep<Record> insert) {
        try {
            return insert.fetchOne().get(0, Long.class);
        } catch (DuplicateKeyException e) {
            throw duplicate(object, e);
        }
    }

    /** Two saves raced past the uniqueness check; the database's unique index caught the second. */
    private static RuntimeException duplicate(ObjectDef object, DuplicateKeyException e) {
        String field = object.fields().stream().filter(FieldDef::unique).map(FieldDef::name)
                .filter(name -> String.valueOf(e.getMessage()).contains(name)).findFirst().orElse(null);
        return io.haina.crm.platform.web.InvalidInputException.of(field, "validation.duplicate-value");
    }

    /** The duplicate keys computed from a field, kept up to date wherever the field is written. */
    private static List<DuplicateKey> keysOf(ObjectDef object, String field) {
        return object.duplicateKeys().stream().filter(k -> k.field().equals(field)).toList();
    }

    private static String keyValue(DuplicateKey key, Object value) {
        String computed = value == null ? "" : key.of(String.valueOf(value));
        return computed.isEmpty() ? null : computed;
    }

}
