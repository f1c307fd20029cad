package io.haina.crm.platform.records;

import java.util.List;

/**
 * One page of records. {@code total} is exact up to {@link RecordFinder#COUNT_CAP}; past it,
 * {@code totalCapped} says "10,000+" instead of making the page wait for a full count. A request
 * made {@linkplain RecordListRequest#withoutTotal() without the total} has {@code total} -1.
 */
public record RecordPage(List<RecordData> items, String nextCursor, long total, boolean totalCapped) {

    public boolean counted() {
        return total >= 0;
    }
}
