package io.haina.crm.platform.records.pages;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.PicklistOption;
import io.haina.crm.platform.records.LookupIds;
import io.haina.crm.platform.records.LookupNames;
import io.haina.crm.platform.records.RecordFiles;
import io.haina.crm.platform.web.Messages;

/**
 * How field values read on a page, in the reader's language and time zone: option labels instead
 * of codes, money with its symbol and grouping, 是/否 or Yes/No, lists joined, a lookup as its
 * target's name (a placeholder when the reader may not see the target), files by their names; and how they are written
 * back into a form so that saving it unchanged changes nothing.
 */
public final class FieldDisplay {

    private final Messages msg;
    private final ZoneId zone;
    private final Map<Long, String> userNames;
    private final LookupNames lookups;
    private final Map<Long, StoredFile> files;

    public FieldDisplay(Messages msg, ZoneId zone) {
        this(msg, zone, Map.of(), LookupNames.NONE, Map.of());
    }

    private FieldDisplay(Messages msg, ZoneId zone, Map<Long, String> userNames, LookupNames lookups,
                         Map<Long, StoredFile> files) {
        this.msg = msg;
        this.zone = zone;
        this.userNames = userNames;
        this.lookups = lookups;
        this.files = files;
    }

    /** The same display, naming users (owner, created by) instead of showing their ids. */
    public FieldDisplay withUsers(Map<Long, String> names) {
        return new FieldDisplay(msg, zone, Map.copyOf(names), lookups, files);
    }

    /** The same display, naming the targets of lookups (those the reader may see). */
    public FieldDisplay withLookups(LookupNames names) {
        return new FieldDisplay(msg, zone, userNames, names, files);
    }

    /** The same display, naming the files of attachment fields (those the reader may see) by id. */
    public FieldDisplay withFiles(Map<Long, StoredFile> known) {
        return new FieldDisplay(msg, zone, userNames, lookups, Map.copyOf(known));
    }

    /** The files an attachment field's value holds, as far as they are known to this display, in its order. */
    public List<StoredFile> files(Object value) {
        return RecordFiles.idsOf(value).stream().map(files::get).filter(java.util.Objects::nonNull).toList();
    }

    public String label(FieldDef field) {
        return msg.t(field.labelKey());
    }

    /** The value as text for lists and detail pages; an em dash when empty. */
    public String show(FieldDef field, Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
            return "—";
        }
        return switch (field.type()) {
            case FieldType.Money m -> "¥" + grouped((BigDecimal) value, 2);
            case FieldType.Decimal d -> grouped((BigDecimal) value, d.scale());
            case FieldType.Percent p -> ((BigDecimal) value).stripTrailingZeros().toPlainString() + "%";
            case FieldType.Checkbox c -> msg.t(Boolean.TRUE.equals(value) ? "value.yes" : "value.no");
            case FieldType.Picklist p -> optionLabel(p.options(), value.toString());
            case FieldType.MultiPicklist p -> ((List<?>) value).stream().map(v -> optionLabel(p.options(), v.toString()))
                    .collect(Collectors.joining("、"));
            case FieldType.Region r -> String.join(" / ", ((List<?>) value).stream().map(Object::toString).toList());
            case FieldType.UserRef u -> userNames.getOrDefault(((Number) value).longValue(), "#" + value);
            case FieldType.Lookup l -> lookupName(field, value);
            case FieldType.DateTime t -> moment((OffsetDateTime) value);
            case FieldType.Attachment a -> RecordFiles.idsOf(value).stream()
                    .map(id -> files.containsKey(id) ? files.get(id).name() : "#" + id).collect(Collectors.joining("、"));
            default -> value.toString();
        };
    }

    /**
     * The name of the record a lookup points at (its id as a form or the history holds it), a
     * placeholder when the reader may not see it or it is gone, empty when there is none.
     */
    public String lookupName(FieldDef field, Object value) {
        Long id = LookupIds.idOf(value);
        if (id == null || !(field.type() instanceof FieldType.Lookup lookup)) {
            return value == null ? "" : value.toString();
        }
        return lookups.of(lookup.targetObject(), id).orElseGet(() -> msg.t("lookup.not-visible"));
    }

    /** Where a lookup's target is shown, when the reader may see it; null otherwise (and for other fields). */
    public String href(FieldDef field, Object value) {
        Long id = LookupIds.idOf(value);
        if (id == null || !(field.type() instanceof FieldType.Lookup lookup)
                || lookups.of(lookup.targetObject(), id).isEmpty()) {
            return null;
        }
        return "/o/" + lookup.targetObject() + "/" + id;
    }

    /** Whether a lookup points at a record the reader may not see (or that is gone). */
    public boolean unseenLookup(FieldDef field, Object value) {
        Long id = LookupIds.idOf(value);
        return id != null && field.type() instanceof FieldType.Lookup lookup && lookups.of(lookup.targetObject(), id).isEmpty();
    }

    /** Why a lookup shows no name, said the same for deleted and unseen targets (which one is not told). */
    public String unseenWhy() {
        return msg.t("lookup.not-visible-why");
    }

    /** A moment in the reader's time zone, to the minute as people plan their days: 2026-11-23 14:30. */
    public String moment(OffsetDateTime value) {
        return MINUTES.format(value.atZoneSameInstant(zone));
    }

    private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * A value from the change history (kept as JSON text: "12999.5", "hardware", "true") as the
     * detail page shows it; the text itself when it cannot be read as the field's type.
     */
    public String showChange(FieldDef field, Object value) {
        if (!(value instanceof String text)) {
            return value == null ? "—" : show(field, value);
        }
        try {
            return switch (field.type()) {
                case FieldType.Money m -> show(field, new BigDecimal(text));
                case FieldType.Decimal d -> show(field, new BigDecimal(text));
                case FieldType.Percent p -> show(field, new BigDecimal(text));
                case FieldType.Checkbox c -> show(field, Boolean.parseBoolean(text));
                case FieldType.Picklist p -> show(field, text);
                case FieldType.Lookup l -> show(field, Long.parseLong(text));
                case FieldType.UserRef u -> show(field, Long.parseLong(text));
                case FieldType.DateTime t -> show(field, OffsetDateTime.parse(text));
                case FieldType.Attachment a -> show(field, RecordFiles.idsOf(text));
                default -> text.isEmpty() ? "—" : text;
            };
        } catch (RuntimeException unreadable) {
            return text;
        }
    }

    /** The value as a form field holds it. */
    public String input(FieldDef field, Object value) {
        if (value == null) {
            return "";
        }
        return switch (value) {
            case BigDecimal number -> number.toPlainString();
            case List<?> list -> list.stream().map(Object::toString).collect(Collectors.joining(","));
            default -> value.toString();
        };
    }

    public boolean isChecked(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    public boolean contains(Object value, String code) {
        return value instanceof Collection<?> c ? c.contains(code) : value != null && List.of(value.toString().split(",")).contains(code);
    }

    public String optionLabel(List<PicklistOption> options, String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst().map(o -> msg.t(o.labelKey())).orElse(code);
    }

    /** Whether the field takes a whole row of a two-column section (long text, several choices). */
    public boolean isWide(FieldDef field) {
        return field.type() instanceof FieldType.LongText || field.type() instanceof FieldType.MultiPicklist
                || field.type() instanceof FieldType.Attachment;
    }

    public boolean alignEnd(FieldDef field) {
        return field.type() instanceof FieldType.Money || field.type() instanceof FieldType.Decimal
                || field.type() instanceof FieldType.Percent;
    }

    private String grouped(BigDecimal value, int scale) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        return format.format(value);
    }
}
