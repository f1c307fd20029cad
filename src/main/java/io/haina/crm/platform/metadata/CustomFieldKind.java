package io.haina.crm.platform.metadata;

import java.util.List;
import java.util.Locale;

/** The kinds of field an administrator can add to an object, and the field type each becomes. */
public enum CustomFieldKind {
    TEXT, LONG_TEXT, NUMBER, MONEY, PERCENT, DATE, DATE_TIME, CHECKBOX, PICKLIST, MULTI_PICKLIST, EMAIL, PHONE, URL, USER, LOOKUP,
    ATTACHMENT;

    public static final int TEXT_MAX = 255;
    public static final int LONG_TEXT_MAX = 5000;
    /** Files one attachment field holds. */
    public static final int ATTACHMENT_MAX_FILES = 10;

    /**
     * The field type a custom field of this kind has. Picklist options are laid over it later (they
     * are administrators' settings); a lookup points at {@code targetObject}, ignored by the others.
     */
    public FieldType type(String targetObject) {
        return switch (this) {
            case TEXT -> new FieldType.Text(TEXT_MAX);
            case LONG_TEXT -> new FieldType.LongText(LONG_TEXT_MAX);
            case NUMBER -> new FieldType.Decimal(18, 4, null, null);
            case MONEY -> new FieldType.Money(null);
            case PERCENT -> new FieldType.Percent();
            case DATE -> new FieldType.Date();
            case DATE_TIME -> new FieldType.DateTime();
            case CHECKBOX -> new FieldType.Checkbox();
            case PICKLIST -> new FieldType.Picklist(List.of());
            case MULTI_PICKLIST -> new FieldType.MultiPicklist(List.of());
            case EMAIL -> new FieldType.Email();
            case PHONE -> new FieldType.Phone();
            case URL -> new FieldType.Url();
            case USER -> new FieldType.UserRef();
            case LOOKUP -> new FieldType.Lookup(targetObject);
            case ATTACHMENT -> new FieldType.Attachment(ATTACHMENT_MAX_FILES);
        };
    }

    public boolean hasOptions() {
        return this == PICKLIST || this == MULTI_PICKLIST;
    }

    /** The key naming the kind, shared with the field types' own names. */
    public String labelKey() {
        return "field.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Money is stored beside its currency, like the declared money fields. */
    public boolean money() {
        return this == MONEY;
    }

    /** Whether the column holds the id of another row (a user, a record): such columns get an index. */
    public boolean reference() {
        return this == USER || this == LOOKUP;
    }

    /** Whether the field points at records of an object the administrator chooses. */
    public boolean needsTarget() {
        return this == LOOKUP;
    }

}
