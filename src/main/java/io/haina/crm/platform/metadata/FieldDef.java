package io.haina.crm.platform.metadata;

/**
 * One field of an object.
 *
 * @param name     the column name, lower_snake_case ({@code cf_*} for custom fields)
 * @param labelKey message key of its label
 * @param type     what it holds
 * @param required whether a record needs a value
 * @param unique   whether two records may not share a value (checked case-insensitively for text)
 * @param defaultInput what a new record gets when the field is left blank, as a user would type it; or null
 * @param access   what the reader may do with it: editable as declared; narrowed per reader by field permissions
 */
public record FieldDef(String name, String labelKey, FieldType type, boolean required, boolean unique,
                       String defaultInput, FieldAccess access) {

    public FieldDef {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("field name must be lower_snake_case: " + name);
        }
        access = access == null ? FieldAccess.EDITABLE : access;
    }

    public static FieldDef optional(String name, String labelKey, FieldType type) {
        return new FieldDef(name, labelKey, type, false, false, null, FieldAccess.EDITABLE);
    }

    public static FieldDef required(String name, String labelKey, FieldType type) {
        return new FieldDef(name, labelKey, type, true, false, null, FieldAccess.EDITABLE);
    }

    public FieldDef asUnique() {
        return new FieldDef(name, labelKey, type, required, true, defaultInput, access);
    }

    public FieldDef withDefault(String input) {
        if (!(input != null && type.parse(input).ok())) {
            throw new IllegalArgumentException(name + ": default '" + input + "' is not a valid value");
        }
        return new FieldDef(name, labelKey, type, required, unique, input, access);
    }

    public FieldDef withRequired(boolean newRequired) {
        return new FieldDef(name, labelKey, type, newRequired, unique, defaultInput, access);
    }

    public FieldDef withType(FieldType newType) {
        return new FieldDef(name, labelKey, newType, required, unique, defaultInput, access);
    }

    public FieldDef withAccess(FieldAccess newAccess) {
        return new FieldDef(name, labelKey, type, required, unique, defaultInput, newAccess);
    }

    /** Reads the input of a new record: a blank field takes its default. */
    public Parsed parseForCreate(String input) {
        return parse(input == null || input.isBlank() ? defaultInput : input);
    }

    /** Reads a user's input for this field: blank is empty (refused when required), the rest goes to the type. */
    public Parsed parse(String input) {
        if (input == null || input.isBlank()) {
            if (type instanceof FieldType.Checkbox) {
                return Parsed.value(false); // an unticked box is "no", not "unknown"
            }
            return required && !(type instanceof FieldType.AutoNumber) ? Parsed.refused("validation.required") : Parsed.empty();
        }
        return type.parse(input.strip());
    }

    public boolean isCustom() {
        return name.startsWith("cf_");
    }
}
