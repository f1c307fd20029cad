package io.haina.crm.platform.records;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.pages.FieldDisplay;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.Messages;

/**
 * A record's history as a reader reads it, for pages outside the engine (a timeline): what
 * happened in words, who did it by name, and each change as a field label with the values the
 * detail page would show (option labels, user, record and file names, times in the reader's zone).
 */
@Service
@Transactional(readOnly = true)
public class ReadableHistory {

    private final RecordService records;
    private final RecordFinder finder;
    private final Organization organization;
    private final LookupTargets lookups;
    private final PoolMembership pools;
    private final RecordFiles files;

    ReadableHistory(RecordService records, RecordFinder finder, Organization organization, LookupTargets lookups,
                    org.springframework.beans.factory.ObjectProvider<PoolMembership> pools, RecordFiles files) {
        this.files = files;
        this.records = records;
        this.finder = finder;
        this.organization = organization;
        this.lookups = lookups;
        this.pools = pools.getIfAvailable(() -> PoolMembership.NONE);
    }

    /** One change in words: "阶段: 谈判 → 赢单". */
    public record Change(String label, String from, String to) {
    }

    /**
     * One history entry in words.
     *
     * @param by      who did it, by name; null when Haina itself did (a pool's nightly return)
     * @param action  what happened: "创建", "负责人变更", "退回公海" (and, for an entry of a record since merged
     *                into this one, which record it was written on)
     */
    public record Entry(long id, OffsetDateTime at, String by, String action, List<Change> changes, String mergedFrom) {
    }

    /** The newest entries, newest first: the detail page's history tab. */
    public List<Entry> latest(long actorId, String objectCode, long id, int limit, Messages msg, ZoneId zone) {
        return before(actorId, objectCode, id, END_OF_TIME, Long.MAX_VALUE, limit, msg, zone);
    }

    private static final OffsetDateTime END_OF_TIME = OffsetDateTime.parse("9999-12-31T00:00:00Z");

    /** The entries before a point (see {@link RecordService#historyBefore}), newest first. */
    public List<Entry> before(long actorId, String objectCode, long id, OffsetDateTime beforeAt, long beforeId, int limit,
                              Messages msg, ZoneId zone) {
        List<RecordHistoryEntry> entries = records.historyBefore(actorId, objectCode, id, beforeAt, beforeId, limit);
        ObjectDef object = finder.describe(actorId, objectCode);
        Map<Long, String> names = new LinkedHashMap<>();
        entries.stream().flatMap(e -> Stream.concat(Stream.of(e.by()), e.changes().stream()
                        .filter(c -> isUser(object, c.field())).flatMap(c -> Stream.of(c.from(), c.to()))))
                .map(LookupIds::idOf).filter(Objects::nonNull).distinct()
                .forEach(user -> names.put(user, organization.displayNameOf(user).orElse("#" + user)));
        LookupIds shown = new LookupIds();
        entries.forEach(e -> e.changes().forEach(c -> SystemFields.find(object, c.field())
                .ifPresent(field -> shown.add(field, c.from()).add(field, c.to()))));
        List<Long> fileIds = entries.stream().flatMap(e -> e.changes().stream())
                .filter(c -> SystemFields.find(object, c.field()).filter(f -> f.type() instanceof FieldType.Attachment).isPresent())
                .flatMap(c -> Stream.concat(RecordFiles.idsOf(c.from()).stream(), RecordFiles.idsOf(c.to()).stream())).toList();
        FieldDisplay display = new FieldDisplay(msg, zone).withUsers(names).withLookups(lookups.names(actorId, shown))
                .withFiles(fileIds.isEmpty() ? Map.of() : files.named(objectCode, fileIds));
        return entries.stream().map(e -> new Entry(e.id(), e.at(), e.by() == null ? null : names.get(e.by()),
                actionText(e.action(), msg), e.action().equals("CREATED") ? List.of() : changes(object, e, display, names, msg, pools),
                e.mergedFrom()))
                .toList();
    }

    private static boolean isUser(ObjectDef object, String field) {
        return field.equals(RecordService.TEAM_CHANGE) || SystemFields.find(object, field)
                .filter(f -> f.type() instanceof io.haina.crm.platform.metadata.FieldType.UserRef).isPresent();
    }

    private static List<Change> changes(ObjectDef object, RecordHistoryEntry entry, FieldDisplay display,
                                        Map<Long, String> names, Messages msg, PoolMembership pools) {
        List<Change> lines = new ArrayList<>();
        for (FieldChange change : entry.changes()) {
            if (change.field().equals(RecordService.TEAM_CHANGE)) {
                lines.add(new Change(msg.t("record.team"), userName(change.from(), names), userName(change.to(), names)));
            } else if (change.field().equals(SystemRecords.REASON) && change.to() != null) {
                ChangeReason reason = ChangeReason.parse(String.valueOf(change.to()));
                lines.add(new Change(msg.t("record.change.reason"), null,
                        reason.isMessage() ? msg.t(reason.messageKey(), reason.args().toArray()) : reason.text()));
            } else if (change.field().equals(SystemRecords.POOL)) {
                lines.add(new Change(msg.t("record.field.pool"), poolName(change.from(), pools), poolName(change.to(), pools)));
            } else {
                SystemFields.find(object, change.field()).ifPresent(field -> lines.add(
                        new Change(display.label(field), display.showChange(field, change.from()), display.showChange(field, change.to()))));
            }
        }
        return lines;
    }

    private static String poolName(Object value, PoolMembership pools) {
        Long id = LookupIds.idOf(value);
        return id == null ? null : pools.poolName(id).orElse("#" + id);
    }

    private static String userName(Object value, Map<Long, String> names) {
        Long id = LookupIds.idOf(value);
        return id == null ? null : names.getOrDefault(id, "#" + id);
    }

    /** The action's words; a step another module names but gave no words yet reads as its code. */
    private static String actionText(String action, Messages msg) {
        String text = msg.t("record.action." + action);
        return text.startsWith("??") ? action.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : text;
    }
}
