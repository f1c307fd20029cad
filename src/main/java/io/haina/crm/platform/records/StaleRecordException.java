package io.haina.crm.platform.records;

import java.util.List;

import io.haina.crm.platform.web.ConflictException;

/**
 * Someone saved the record after the editor loaded it. Nothing is overwritten; the editor is told
 * what changed in between ({@link #changes()}), and can reload and decide.
 */
public class StaleRecordException extends ConflictException {

    private final transient List<FieldChange> changes;
    private final int currentVersion;

    public StaleRecordException(String recordName, int currentVersion, List<FieldChange> changes) {
        super("record.error.stale", recordName);
        this.changes = List.copyOf(changes);
        this.currentVersion = currentVersion;
    }

    public List<FieldChange> changes() {
        return changes;
    }

    public int currentVersion() {
        return currentVersion;
    }

    @Override
    public java.util.Map<String, Object> details() {
        List<java.util.Map<String, Object>> changed = changes.stream().map(c -> {
            java.util.Map<String, Object> change = new java.util.LinkedHashMap<>();
            change.put("field", c.field());
            change.put("from", c.from());
            change.put("to", c.to());
            return change;
        }).toList();
        return java.util.Map.of("currentVersion", currentVersion, "changes", changed);
    }
}
