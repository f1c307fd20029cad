package io.haina.crm.platform.metadata;

import java.util.List;
import java.util.Map;

/**
 * Every administrator's change as loaded at one {@code version}: label wording per language and
 * key, field settings, picklist option settings and custom fields per object.
 */
public record MetadataSnapshot(long version, Map<String, Map<String, String>> labels,
                               Map<String, Map<String, FieldSetting>> fieldSettings,
                               Map<String, Map<String, List<OptionSetting>>> optionSettings,
                               Map<String, List<CustomField>> customFields) {

    public static final MetadataSnapshot EMPTY = new MetadataSnapshot(-1, Map.of(), Map.of(), Map.of(), Map.of());

    /** An administrator's setting on one field; {@code required} and {@code position} null mean "as declared". */
    public record FieldSetting(Boolean required, boolean hidden, Integer position) {
    }

    /** An administrator's setting on one picklist option, or an option they added. */
    public record OptionSetting(String code, String color, boolean active, Integer position, boolean added) {
    }

    /**
     * A field an administrator added; inactive ones keep their column and data but are not shown.
     * {@code targetObject} is the object a lookup points at (null for other kinds).
     */
    public record CustomField(String objectCode, String name, CustomFieldKind kind, String targetObject, boolean active) {

        public FieldType type() {
            return kind.type(targetObject);
        }
    }

    public String label(String language, String key) {
        return labels.getOrDefault(language, Map.of()).get(key);
    }

    public Map<String, FieldSetting> fieldSettings(String objectCode) {
        return fieldSettings.getOrDefault(objectCode, Map.of());
    }

    public List<OptionSetting> optionSettings(String objectCode, String field) {
        return optionSettings.getOrDefault(objectCode, Map.of()).getOrDefault(field, List.of());
    }

    public List<CustomField> customFields(String objectCode) {
        return customFields.getOrDefault(objectCode, List.of());
    }
}
