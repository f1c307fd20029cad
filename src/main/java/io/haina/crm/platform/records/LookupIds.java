package io.haina.crm.platform.records;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;

/**
 * The targets of lookups a page is about to show — in records, form values, history entries or
 * filter values — gathered by target object, so that {@link LookupTargets#names} fetches their
 * names in one query per object.
 */
public final class LookupIds {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private final Map<String, Set<Long>> byObject = new HashMap<>();

    /** Notes the value of one field, if it is a lookup holding an id. */
    public LookupIds add(FieldDef field, Object value) {
        if (field.type() instanceof FieldType.Lookup lookup) {
            Long id = idOf(value);
            if (id != null) {
                byObject.computeIfAbsent(lookup.targetObject(), k -> new LinkedHashSet<>()).add(id);
            }
        }
        return this;
    }

    /** Notes every lookup of the records (each API list and list page comes here: only lookup fields are read). */
    public LookupIds addAll(ObjectDef object, Collection<RecordData> records) {
        for (FieldDef field : object.fields()) {
            if (field.type() instanceof FieldType.Lookup) {
                records.forEach(record -> add(field, record.get(field.name())));
            }
        }
        return this;
    }

    Map<String, Set<Long>> byObject() {
        return byObject;
    }

    /** A lookup's id as a record (a number), a form or the history (text) holds it; null when there is none. */
    public static Long idOf(Object value) {
        return switch (value) {
            case Number number -> number.longValue();
            case String text when DIGITS.matcher(text.strip()).matches() -> Long.parseLong(text.strip());
            case null, default -> null;
        };
    }
}
