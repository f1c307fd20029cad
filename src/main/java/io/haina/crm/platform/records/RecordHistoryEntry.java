package io.haina.crm.platform.records;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One change of a record: when, by whom (null for Haina itself: a pool's sweep), what kind
 * (CREATED, UPDATED, DELETED, RESTORED, TRANSFERRED, or a business step such as a return to a
 * pool), which fields; {@code id} orders entries of the same moment. {@code mergedFrom} names the
 * record an entry was written on when that record has since been merged into this one (null for
 * the record's own entries).
 */
public record RecordHistoryEntry(OffsetDateTime at, Long by, String action, List<FieldChange> changes, long id,
                                 String mergedFrom) {
}
