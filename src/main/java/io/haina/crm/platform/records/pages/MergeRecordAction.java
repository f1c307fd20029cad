package io.haina.crm.platform.records.pages;

import java.util.List;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.records.RecordAction;
import io.haina.crm.platform.records.RecordActionSource;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordMerge;
import io.haina.crm.platform.records.RecordService;

/** "Merge" on the page of a record of an object that offers merging, for whoever may merge it. */
@Component
class MergeRecordAction implements RecordActionSource {

    private final RecordMerge merge;
    private final RecordService records;

    MergeRecordAction(RecordMerge merge, RecordService records) {
        this.merge = merge;
        this.records = records;
    }

    @Override
    public List<RecordAction> actionsFor(long actorId, RecordData record) {
        if (!merge.mayMerge(actorId, record.object()) || !records.mayChange(actorId, record.object(), record.id())) {
            return List.of();
        }
        return List.of(new RecordAction("merge", "record.merge", "union",
                RecordPagesController.PATH + "/" + record.object() + "/" + record.id() + "/merge", false));
    }
}
