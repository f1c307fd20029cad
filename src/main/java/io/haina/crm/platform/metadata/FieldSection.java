package io.haina.crm.platform.metadata;

import java.util.List;

/**
 * A section of a record's detail page and form, resolved against the fields the reader sees.
 *
 * @param labelKey message key of its heading; null for the one untitled section of an object without declared sections
 * @param fields   its fields in the object's order
 */
public record FieldSection(String labelKey, List<FieldDef> fields) {

    /** Where fields no declared section holds go: custom fields above all. */
    public static final String ADDITIONAL = "record.section.additional";

    public FieldSection {
        fields = List.copyOf(fields);
    }

    /** A stable id for the page (tests and anchors): {@code section-pricing}, {@code section-additional}. */
    public String id() {
        return "section-" + (labelKey == null ? "fields" : labelKey.substring(labelKey.lastIndexOf('.') + 1));
    }
}
