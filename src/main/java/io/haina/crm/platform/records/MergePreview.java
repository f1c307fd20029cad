package io.haina.crm.platform.records;

import java.util.List;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;

/**
 * Two records side by side before a merge, as the actor sees them: the fields where they differ
 * (each a choice of which value stays) and those where they agree.
 */
public record MergePreview(ObjectDef object, RecordData kept, RecordData other, List<FieldDef> differing,
                           List<FieldDef> same) {

    public MergePreview {
        differing = List.copyOf(differing);
        same = List.copyOf(same);
    }
}
