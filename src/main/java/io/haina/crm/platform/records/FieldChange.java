package io.haina.crm.platform.records;

/** A field that changed: its value before and after. */
public record FieldChange(String field, Object from, Object to) {
}
