package io.haina.crm.platform.activity;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.records.RecordsMerged;
import io.haina.crm.platform.records.SystemRecords;

/**
 * A merge, inside its transaction (see {@link RecordsMerged}): the merged record's follow-ups (with
 * their comments) and tasks move to the kept record, follow-ups that met a merged contact name the
 * kept one, and the kept record's follow-up times take in the merged one's — the later last
 * follow-up, the sooner next one.
 *
 * <p>Activity points at records by object code and id, not by lookup fields, so the engine cannot
 * move these rows itself; and the engine may not call this module (this module builds on the
 * engine), so the engine announces the merge and this module answers.
 */
@Component
class MergedRecordActivity {

    private final FollowUpRepository followUps;
    private final TaskRepository tasks;
    private final SystemRecords system;
    private final ObjectRegistry objects;

    MergedRecordActivity(FollowUpRepository followUps, TaskRepository tasks, SystemRecords system, ObjectRegistry objects) {
        this.followUps = followUps;
        this.tasks = tasks;
        this.system = system;
        this.objects = objects;
    }

    @EventListener
    void on(RecordsMerged merged) {
        followUps.moveRecord(merged.object(), merged.mergedId(), merged.keptId());
        tasks.moveRecord(merged.object(), merged.mergedId(), merged.keptId());
        if (merged.object().equals(FollowUps.CONTACT)) {
            followUps.replaceContact(merged.mergedId(), merged.keptId());
        }
        restamp(merged);
    }

    private void restamp(RecordsMerged merged) {
        ObjectDef object = objects.find(merged.object()).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        if (object.field(FollowUpsOn.LAST).isPresent()) {
            pick(values, FollowUpsOn.LAST, merged, true);
        }
        if (object.field(FollowUpsOn.NEXT).isPresent()) {
            pick(values, FollowUpsOn.NEXT, merged, false);
        }
        if (!values.isEmpty()) {
            system.stamp(merged.object(), merged.keptId(), values);
        }
    }

    /** The later (or sooner) of the two records' times, where it is not already the kept record's. */
    private static void pick(Map<String, Object> values, String field, RecordsMerged merged, boolean later) {
        OffsetDateTime kept = merged.kept().get(field) instanceof OffsetDateTime t ? t : null;
        OffsetDateTime other = merged.merged().get(field) instanceof OffsetDateTime t ? t : null;
        OffsetDateTime chosen = kept == null ? other : other == null ? kept
                : later == other.isAfter(kept) ? other : kept;
        if (!Objects.equals(chosen, kept)) {
            values.put(field, chosen);
        }
    }
}
