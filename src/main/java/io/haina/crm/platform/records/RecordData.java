package io.haina.crm.platform.records;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One record as read through the engine: its field values by field name (money as BigDecimal,
 * lists as List), who owns it (nobody while it sits in a pool), and its version for the next edit.
 */
public record RecordData(String object, long id, Map<String, Object> values, Long ownerId, Long ownerDepartmentId,
                         long createdBy, OffsetDateTime createdAt, long updatedBy, OffsetDateTime updatedAt,
                         int version) {

    /** A declared field's value, or one of the {@link SystemFields bookkeeping fields}. */
    public Object get(String field) {
        return switch (field) {
            case "owner_id" -> ownerId;
            case "created_at" -> createdAt;
            case "updated_at" -> updatedAt;
            case "created_by" -> createdBy;
            case "updated_by" -> updatedBy;
            default -> values.get(field);
        };
    }
}
