package io.haina.crm.platform.search;

import java.util.Locale;
import java.util.Objects;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordData;

/**
 * One record found: its name, and beside it the value people recognise it by (a code, e-mail or
 * phone): the one that matched when the name did not, else the first one it has.
 */
public record SearchHit(long id, String name, String detail, String href) {

    static SearchHit of(ObjectDef object, RecordData record, String text) {
        String name = Objects.toString(record.get(object.nameField()), "#" + record.id());
        String detail = null;
        for (FieldDef field : object.fields()) {
            Object value = record.get(field.name());
            if (value == null || field.name().equals(object.nameField()) || !identifies(field)) {
                continue;
            }
            if (detail == null || contains(value.toString(), text) && !contains(name, text)) {
                detail = value.toString();
            }
        }
        return new SearchHit(record.id(), name, detail, "/o/" + object.code() + "/" + record.id());
    }

    /** The fields the quick search looks in besides the name. */
    private static boolean identifies(FieldDef field) {
        return field.unique() && field.type() instanceof FieldType.Text || field.type() instanceof FieldType.Email
                || field.type() instanceof FieldType.Phone;
    }

    static boolean contains(String value, String text) {
        return value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
