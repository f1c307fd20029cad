package io.haina.crm.platform.records;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Two records of one thing become one (C7, L8), as Salesforce merges: the user keeps one record
 * (the master), picks per field whose value it ends up with, and the other goes to the recycle
 * bin saying where it went. Everything that pointed at the other points at the kept one: the
 * lookups of every object (found in the metadata), the team, and — through {@link RecordsMerged} —
 * what other modules keep by object and id (follow-ups, tasks, pool bookkeeping). The other's
 * history stays under its own id and shows on the kept record. One transaction: all of it or none.
 *
 * <p>The actor needs the grants to edit and to delete records of the object, and both records
 * within their reach to change; the records that move along (a colleague's contact of the merged
 * customer) move as part of the merge, without a check of their own, as a merge in Salesforce
 * reparents related records whoever owns them.
 */
@Service
@Transactional
public class RecordMerge {

    /** The history action of both records. */
    public static final String MERGED = "MERGED";
    /** A field's value comes from the kept record. */
    public static final String THIS = "this";
    /** A field's value comes from the other record. */
    public static final String OTHER = "other";

    private final RecordService records;
    private final RecordAccess access;
    private final Permissions permissions;
    private final LookupTargets lookups;
    private final LookupReferences references;
    private final RecordTeam team;
    private final MergeLinks links;
    private final RecordFiles files;
    private final RecordHistory history;
    private final ApplicationEventPublisher events;
    private final Set<String> mergeable;
    private final Clock clock;

    RecordMerge(RecordService records, RecordAccess access, Permissions permissions, LookupTargets lookups,
                LookupReferences references, RecordTeam team, MergeLinks links, RecordFiles files, RecordHistory history,
                ApplicationEventPublisher events, ObjectProvider<MergeableObject> mergeable, Clock clock) {
        this.files = files;
        this.records = records;
        this.access = access;
        this.permissions = permissions;
        this.lookups = lookups;
        this.references = references;
        this.team = team;
        this.links = links;
        this.history = history;
        this.events = events;
        this.mergeable = mergeable.stream().map(MergeableObject::objectCode).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    /** Whether users merge records of the object (its module declared a {@link MergeableObject}). */
    public boolean offeredFor(String objectCode) {
        return mergeable.contains(objectCode);
    }

    /** Whether the actor's roles let them merge records of the object: edit and delete. */
    public boolean mayMerge(long actorId, String objectCode) {
        return offeredFor(objectCode) && permissions.can(actorId, objectCode, ObjectAction.EDIT)
                && permissions.can(actorId, objectCode, ObjectAction.DELETE);
    }

    /** The two records side by side, if the actor may merge them (else forbidden or "not found", as a merge would be). */
    @Transactional(readOnly = true)
    public MergePreview preview(long actorId, String objectCode, long keptId, long otherId) {
        ObjectDef object = requireMerge(actorId, objectCode, keptId, otherId);
        RecordData kept = records.read(actorId, objectCode, keptId);
        RecordData other = records.read(actorId, objectCode, otherId);
        for (long id : List.of(keptId, otherId)) {
            if (!records.mayChange(actorId, objectCode, id)) {
                throw new AccessDeniedException(objectCode + " " + id + " is not within reach to change");
            }
        }
        List<FieldDef> choosable = choosable(object);
        return new MergePreview(object, kept, other,
                choosable.stream().filter(f -> !Objects.equals(kept.get(f.name()), other.get(f.name()))).toList(),
                choosable.stream().filter(f -> Objects.equals(kept.get(f.name()), other.get(f.name()))).toList());
    }

    /** Merges the other record into the kept one; returns the kept record as it now reads. */
    public RecordData merge(long actorId, String objectCode, long keptId, MergeRequest request) {
        ObjectDef object = requireMerge(actorId, objectCode, keptId, request.otherId());
        RecordTable t = new RecordTable(object);
        // Both rows locked in id order: a merge of the same two the other way round waits instead of deadlocking.
        RecordData first = records.lockChangeable(actorId, object, t, Math.min(keptId, request.otherId()));
        RecordData second = records.lockChangeable(actorId, object, t, Math.max(keptId, request.otherId()));
        RecordData kept = first.id() == keptId ? first : second;
        RecordData other = first.id() == keptId ? second : first;
        requireVersion(object, kept, request.keptVersion());
        requireVersion(object, other, request.otherVersion());
        Map<String, Object> chosen = chosen(actorId, object, kept, other, request.fields());
        String keptName = name(object, kept);
        String otherName = name(object, other);

        // The other goes first, so that a unique value it held may pass to the kept record.
        records.softDelete(actorId, object, t, other, MERGED, ChangeReason.of("record.reason.merged-into", keptName));
        files.adopt(object, other.id(), kept.id(), chosen);
        RecordData written = records.write(actorId, object, t, kept, chosen, MERGED,
                ChangeReason.of("record.reason.merged-from", otherName));
        Map<String, List<Long>> moved = references.move(objectCode, other.id(), kept.id(), actorId,
                ChangeReason.of("record.reason.reference-merged", otherName, keptName));
        moveTeam(actorId, objectCode, other, written, otherName);
        links.link(objectCode, kept.id(), other.id(), otherName, actorId, OffsetDateTime.now(clock));
        events.publishEvent(new RecordsMerged(objectCode, kept.id(), other.id(), actorId, written, other, moved));
        return records.read(actorId, objectCode, kept.id());
    }

    private ObjectDef requireMerge(long actorId, String objectCode, long keptId, long otherId) {
        if (!offeredFor(objectCode)) {
            throw new NotFoundException("merging " + objectCode);
        }
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.EDIT);
        access.require(actorId, objectCode, ObjectAction.DELETE);
        if (keptId == otherId) {
            throw InvalidInputException.of("otherId", "record.merge.error.same");
        }
        return object;
    }

    private void requireVersion(ObjectDef object, RecordData record, Integer expected) {
        if (expected != null && record.version() != expected) {
            throw records.stale(object, record, expected);
        }
    }

    /** The fields a user picks a value of: those they may change (hidden, masked and derived ones keep the kept record's). */
    private static List<FieldDef> choosable(ObjectDef object) {
        return object.fields().stream().filter(f -> f.access().editable() && !(f.type() instanceof FieldType.AutoNumber)).toList();
    }

    /** The values the kept record takes from the other, checked as an edit would be. */
    private Map<String, Object> chosen(long actorId, ObjectDef object, RecordData kept, RecordData other,
                                       Map<String, String> sides) {
        InputChecks checks = new InputChecks();
        List<FieldDef> choosable = choosable(object);
        sides.forEach((name, side) -> {
            if (object.field(name).isEmpty()) {
                checks.add(name, "record.error.unknown-field", name);
            } else if (!THIS.equals(side) && !OTHER.equals(side)) {
                checks.add(name, "record.merge.error.side");
            } else if (OTHER.equals(side) && choosable.stream().noneMatch(f -> f.name().equals(name))) {
                checks.add(name, "record.error.read-only");
            }
        });
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDef field : choosable) {
            Object value = other.get(field.name());
            if (OTHER.equals(sides.get(field.name())) && !Objects.equals(kept.get(field.name()), value)) {
                checks.check(!field.required() || value != null, field.name(), "validation.required");
                values.put(field.name(), value);
            }
        }
        lookups.check(actorId, object, values, kept, checks);
        checks.throwIfAny();
        return values;
    }

    /** The other's team joins the kept record's; each newcomer is in its history, as sharing would put them. */
    private void moveTeam(long actorId, String objectCode, RecordData other, RecordData kept, String otherName) {
        String reason = ChangeReason.of("record.reason.merged-from", otherName);
        for (TeamMember member : team.moveAll(objectCode, other.id(), kept.id(), kept.ownerId())) {
            history.record(objectCode, kept.id(), actorId, member.canEdit() ? "SHARED_EDIT" : "SHARED_READ", kept.version(),
                    SystemRecords.withReason(List.of(new FieldChange(RecordService.TEAM_CHANGE, null, member.userId())), reason));
        }
    }

    private static String name(ObjectDef object, RecordData record) {
        return String.valueOf(record.get(object.nameField()));
    }
}
