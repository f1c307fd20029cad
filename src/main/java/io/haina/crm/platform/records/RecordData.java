package io.haina.crm.platform.records;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One record as read through the engine: its field values by field name (money as BigDecimal,
 * lists as List), who owns it, and its version for the next edit.
 */
public record RecordData(String object, long id, Map<String, Object> values, long ownerId, Long ownerDepartmentId,
                         long createdBy, OffsetDateTime createdAt, long updatedBy, OffsetDateTime updatedAt,
                         int version) {

    public Object get(String field) {
        return values.get(field);
    }
}
