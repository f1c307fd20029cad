package io.haina.crm.platform.records;

import java.util.List;

/** An existing record the reader may see that may repeat the one being entered, with every reason found. */
public record PossibleDuplicate(RecordData record, List<DuplicateCandidate> reasons) {

    public PossibleDuplicate {
        reasons = List.copyOf(reasons);
    }
}
