package io.haina.crm.platform.records;

import java.time.OffsetDateTime;
import java.util.List;

/** One change of a record: when, by whom, what kind (CREATED, UPDATED, DELETED, RESTORED), which fields. */
public record RecordHistoryEntry(OffsetDateTime at, Long by, String action, List<FieldChange> changes) {
}
