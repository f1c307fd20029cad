package io.haina.crm.platform.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of record, declared once in Java by its feature module: its table, its fields, which field
 * names a record, and the columns a list shows by default. Administrators' changes are laid over it
 * at run time; the declaration itself never changes at run time.
 *
 * @param code           stable identifier, also the permission object ({@code product})
 * @param labelKey       message key of its name
 * @param table          the table its records live in
 * @param nameField      the field that names a record in lists, lookups and search
 * @param fields         its fields in form order
 * @param defaultColumns the fields a list shows until a user picks others
 */
public record ObjectDef(String code, String labelKey, String table, String nameField, List<FieldDef> fields,
                        List<String> defaultColumns) {

    public ObjectDef {
        fields = List.copyOf(fields);
        defaultColumns = List.copyOf(defaultColumns);
        Map<String, FieldDef> byName = new LinkedHashMap<>();
        for (FieldDef field : fields) {
            if (RESERVED.contains(field.name())) {
                throw new IllegalArgumentException(code + ": " + field.name() + " is a bookkeeping column every record has");
            }
            if (byName.put(field.name(), field) != null) {
                throw new IllegalArgumentException(code + ": field " + field.name() + " declared twice");
            }
        }
        if (!byName.containsKey(nameField)) {
            throw new IllegalArgumentException(code + ": name field " + nameField + " is not a field");
        }
        for (String column : defaultColumns) {
            if (!byName.containsKey(column)) {
                throw new IllegalArgumentException(code + ": default column " + column + " is not a field");
            }
        }
    }

    /** Columns the engine keeps on every record table; no field may take their names. */
    public static final Set<String> RESERVED = Set.of("id", "owner_id", "owner_department_id", "created_by",
            "created_at", "updated_by", "updated_at", "version", "deleted_at", "deleted_by");

    public Optional<FieldDef> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
