package io.haina.crm.platform.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A kind of record, declared once in Java by its feature module: its table, its fields, which field
 * names a record, the columns a list shows by default, how its detail page and form are laid out,
 * and which fields suggest that a new record repeats an existing one. Administrators' changes are
 * laid over it at run time; the declaration itself never changes at run time.
 *
 * @param code           stable identifier, also the permission object ({@code product})
 * @param labelKey       message key of its name
 * @param table          the table its records live in
 * @param nameField      the field that names a record in lists, lookups and search
 * @param fields         its fields in form order
 * @param defaultColumns the fields a list shows until a user picks others
 * @param layout         the detail page's header fields and the sections of page and form
 * @param duplicateFields fields whose value, matched ignoring case and blanks, warns of a possible duplicate
 * @param duplicateKeys   fields matched by a key the object computes (a company name without its legal form)
 * @param searchFields    fields the quick search looks in besides the name, unique texts, e-mails and phones
 * @param pooled          whether its records can sit in a pool (a lead pool, the customers' public pool) with no
 *                        owner: its table then also has {@code pool_id}, {@code owner_since} and {@code return_locked}
 */
public record ObjectDef(String code, String labelKey, String table, String nameField, List<FieldDef> fields,
                        List<String> defaultColumns, RecordLayout layout, List<String> duplicateFields,
                        List<DuplicateKey> duplicateKeys, List<String> searchFields, boolean pooled) {

    /** How many default list columns the header shows when an object declares no highlights. */
    static final int DEFAULT_HIGHLIGHTS = 4;

    /** An object without a declared layout or duplicate check. */
    public ObjectDef(String code, String labelKey, String table, String nameField, List<FieldDef> fields,
                     List<String> defaultColumns) {
        this(code, labelKey, table, nameField, fields, defaultColumns, RecordLayout.NONE, List.of(), List.of(), List.of(), false);
    }

    public ObjectDef {
        fields = List.copyOf(fields);
        defaultColumns = List.copyOf(defaultColumns);
        layout = layout == null ? RecordLayout.NONE : layout;
        duplicateFields = List.copyOf(duplicateFields);
        duplicateKeys = List.copyOf(duplicateKeys);
        searchFields = List.copyOf(searchFields);
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
        layout.check(code, byName.keySet());
        for (String name : duplicateFields) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(code + ": duplicate check field " + name + " is not a field");
            }
        }
        for (DuplicateKey key : duplicateKeys) {
            if (!byName.containsKey(key.field())) {
                throw new IllegalArgumentException(code + ": duplicate key field " + key.field() + " is not a field");
            }
            if (byName.containsKey(key.column()) || RESERVED.contains(key.column())) {
                throw new IllegalArgumentException(code + ": duplicate key column " + key.column() + " is taken");
            }
        }
        for (String name : searchFields) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(code + ": search field " + name + " is not a field");
            }
        }
    }

    /** Columns the engine keeps on every record table; no field may take their names. */
    public static final Set<String> RESERVED = Set.of("id", "owner_id", "owner_department_id", "created_by",
            "created_at", "updated_by", "updated_at", "version", "deleted_at", "deleted_by");

    /** Every field a possible duplicate is looked for by: same-value fields and the fields of duplicate keys. */
    public List<String> duplicateCheckedFields() {
        List<String> checked = new ArrayList<>(duplicateFields);
        duplicateKeys.stream().map(DuplicateKey::field).filter(f -> !checked.contains(f)).forEach(checked::add);
        return checked;
    }

    public Optional<FieldDef> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The same object laid out differently. */
    public ObjectDef withLayout(RecordLayout newLayout) {
        return new ObjectDef(code, labelKey, table, nameField, fields, defaultColumns, newLayout, duplicateFields,
                duplicateKeys, searchFields, pooled);
    }

    /** The same object, warning of a possible duplicate when one of these fields repeats a value. */
    public ObjectDef withDuplicateCheck(String... fieldNames) {
        return new ObjectDef(code, labelKey, table, nameField, fields, defaultColumns, layout, List.of(fieldNames),
                duplicateKeys, searchFields, pooled);
    }

    /**
     * The same object, warning of a possible duplicate when a field's key repeats: the engine keeps
     * each record's key in the key's own column (not a field) whenever the field is written.
     */
    public ObjectDef withDuplicateKey(DuplicateKey key) {
        List<DuplicateKey> keys = new ArrayList<>(duplicateKeys);
        keys.add(key);
        return new ObjectDef(code, labelKey, table, nameField, fields, defaultColumns, layout, duplicateFields, keys,
                searchFields, pooled);
    }

    /** The same object, its quick search also looking in these fields (each wants a trigram index). */
    public ObjectDef withQuickSearchIn(String... fieldNames) {
        return new ObjectDef(code, labelKey, table, nameField, fields, defaultColumns, layout, duplicateFields,
                duplicateKeys, List.of(fieldNames), pooled);
    }

    /**
     * The same object, its records able to sit in pools without an owner (its table has the pool
     * columns); who sees and claims them is the pool module's business, told the engine through
     * {@code io.haina.crm.platform.records.PoolMembership}.
     */
    public ObjectDef withPools() {
        return new ObjectDef(code, labelKey, table, nameField, fields, defaultColumns, layout, duplicateFields,
                duplicateKeys, searchFields, true);
    }

    /**
     * The same object with other fields (administrators' changes laid over it, or a reader's view
     * narrowed by field permissions): columns, layout and duplicate check keep only what remains.
     */
    public ObjectDef withFields(List<FieldDef> newFields) {
        Set<String> names = newFields.stream().map(FieldDef::name).collect(Collectors.toSet());
        return new ObjectDef(code, labelKey, table, nameField, newFields,
                defaultColumns.stream().filter(names::contains).toList(), layout.keeping(names),
                duplicateFields.stream().filter(names::contains).toList(),
                duplicateKeys.stream().filter(k -> names.contains(k.field())).toList(),
                searchFields.stream().filter(names::contains).toList(), pooled);
    }

    /** The header's key fields: as declared, else the first default list columns besides the name. */
    public List<FieldDef> highlightFields() {
        List<String> names = layout.highlights().isEmpty()
                ? defaultColumns.stream().filter(c -> !c.equals(nameField)).limit(DEFAULT_HIGHLIGHTS).toList()
                : layout.highlights();
        return names.stream().map(this::field).flatMap(Optional::stream).toList();
    }

    /**
     * The fields grouped as the detail page and the form show them: the declared sections, then
     * an "additional" one for fields no section holds. Without declared sections, the declared
     * fields form one untitled section and custom fields still go to "additional".
     */
    public List<FieldSection> sections() {
        List<FieldSection> sections = new ArrayList<>();
        Set<String> placed = new java.util.HashSet<>();
        for (RecordLayout.Section section : layout.sections()) {
            placed.addAll(section.fields());
            sections.add(new FieldSection(section.labelKey(),
                    fields.stream().filter(f -> section.fields().contains(f.name())).toList()));
        }
        List<FieldDef> rest = fields.stream().filter(f -> !placed.contains(f.name())).toList();
        if (layout.sections().isEmpty()) {
            sections.add(new FieldSection(null, rest.stream().filter(f -> !f.isCustom()).toList()));
            rest = rest.stream().filter(FieldDef::isCustom).toList();
        }
        sections.add(new FieldSection(FieldSection.ADDITIONAL, rest));
        return sections.stream().filter(s -> !s.fields().isEmpty()).toList();
    }
}
