package io.haina.crm.platform.customize;

import io.haina.crm.platform.metadata.FieldDef;

/**
 * One field on the customization page: as it stands now, its wording in both languages, and
 * whether it is a custom field, hidden, or deactivated (a deactivated custom field keeps its data).
 */
public record FieldRow(FieldDef field, String labelZh, String labelEn, boolean custom, boolean hidden, boolean active,
                       boolean declaredRequired, boolean nameField) {

    public boolean hasOptions() {
        return field.type() instanceof io.haina.crm.platform.metadata.FieldType.Picklist
                || field.type() instanceof io.haina.crm.platform.metadata.FieldType.MultiPicklist;
    }

    /** The object a lookup field points at, or null for other fields. */
    public String lookupTarget() {
        return field.type() instanceof io.haina.crm.platform.metadata.FieldType.Lookup l ? l.targetObject() : null;
    }

    /** Whether the administrator may switch "required" (never off for a field the code needs). */
    public boolean requiredSwitchable() {
        return !declaredRequired;
    }
}
