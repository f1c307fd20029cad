package io.haina.crm.platform.metadata;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kinds of field a record can have. Each knows the column it is stored in and how to read a
 * user's input into a stored value, refusing what does not fit with a message key. Input arrives
 * as text (forms, CSV cells, JSON scalars turned to text), already stripped of surrounding blanks.
 */
public sealed interface FieldType {

    /** The PostgreSQL column type, for tables and for custom fields added by DDL. */
    String columnType();

    /** Reads one non-blank input. Blank input is "empty" and handled by the caller (required or not). */
    Parsed parse(String input);

    /** The key naming this kind in the admin pages, e.g. {@code field.type.money}. */
    default String labelKey() {
        return labelKeyOf(getClass());
    }

    static String labelKeyOf(Class<?> type) {
        return "field.type." + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Single-line text up to {@code maxLength} characters (Chinese characters count one each). */
    record Text(int maxLength) implements FieldType {
        public String columnType() {
            return "text";
        }

        public Parsed parse(String input) {
            return length(input) > maxLength ? Parsed.refused("validation.too-long", maxLength) : Parsed.value(input);
        }
    }

    /** Multi-line text. */
    record LongText(int maxLength) implements FieldType {
        public String columnType() {
            return "text";
        }

        public Parsed parse(String input) {
            return length(input) > maxLength ? Parsed.refused("validation.too-long", maxLength) : Parsed.value(input);
        }
    }

    /** A number with a fixed number of decimals, within optional bounds. */
    record Decimal(int precision, int scale, BigDecimal min, BigDecimal max) implements FieldType {
        public String columnType() {
            return "numeric(" + precision + "," + scale + ")";
        }

        public Parsed parse(String input) {
            return parseNumber(input, precision, scale, min, max);
        }
    }

    /** An amount of money. The currency is stored beside it ({@code <column>_currency}), CNY by default. */
    record Money(BigDecimal min) implements FieldType {
        public static final int PRECISION = 18;
        public static final int SCALE = 2;

        public String columnType() {
            return "numeric(" + PRECISION + "," + SCALE + ")";
        }

        public Parsed parse(String input) {
            String plain = input.replaceFirst("^(¥|￥|CNY|RMB|\\$|USD)\\s*", "");
            return parseNumber(plain, PRECISION, SCALE, min, null);
        }
    }

    /** A percentage, stored as typed (12.5 means 12.5 %). */
    record Percent() implements FieldType {
        public String columnType() {
            return "numeric(7,2)";
        }

        public Parsed parse(String input) {
            return parseNumber(input.endsWith("%") ? input.substring(0, input.length() - 1).strip() : input, 7, 2,
                    BigDecimal.valueOf(-1000), BigDecimal.valueOf(1000));
        }
    }

    /** A calendar date, typed as 2026-11-23, 2026/11/23, 2026.11.23 or 2026年11月23日. */
    record Date() implements FieldType {
        private static final Pattern DATE = Pattern.compile("^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?$");

        public String columnType() {
            return "date";
        }

        public Parsed parse(String input) {
            var m = DATE.matcher(input);
            if (!m.matches()) {
                return Parsed.refused("validation.date");
            }
            try {
                return Parsed.value(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (java.time.DateTimeException e) {
                return Parsed.refused("validation.date");
            }
        }
    }

    /** A moment, with its offset (ISO-8601); shown in the reader's time zone. */
    record DateTime() implements FieldType {
        public String columnType() {
            return "timestamptz";
        }

        public Parsed parse(String input) {
            try {
                return Parsed.value(OffsetDateTime.parse(input.replace(' ', 'T')));
            } catch (DateTimeParseException e) {
                return Parsed.refused("validation.date-time");
            }
        }
    }

    /** Yes or no. */
    record Checkbox() implements FieldType {
        private static final Set<String> YES = Set.of("true", "yes", "y", "1", "on", "是", "对", "√");
        private static final Set<String> NO = Set.of("false", "no", "n", "0", "off", "否", "不", "×");

        public String columnType() {
            return "boolean";
        }

        public Parsed parse(String input) {
            String v = input.toLowerCase(Locale.ROOT);
            return YES.contains(v) ? Parsed.value(true) : NO.contains(v) ? Parsed.value(false) : Parsed.refused("validation.boolean");
        }
    }

    /** One choice among options, stored as the option's code; accepts the code or a label match done by the caller. */
    record Picklist(List<PicklistOption> options) implements FieldType {
        public Picklist {
            options = List.copyOf(options);
        }

        public String columnType() {
            return "text";
        }

        public Parsed parse(String input) {
            return options.stream().filter(o -> o.active() && o.code().equals(input)).findFirst()
                    .<Parsed>map(o -> Parsed.value(o.code())).orElseGet(() -> Parsed.refused("validation.picklist", input));
        }
    }

    /** Several choices, stored as an array of codes; typed separated by commas, semicolons or 、. */
    record MultiPicklist(List<PicklistOption> options) implements FieldType {
        public MultiPicklist {
            options = List.copyOf(options);
        }

        public String columnType() {
            return "text[]";
        }

        public Parsed parse(String input) {
            Set<String> codes = new LinkedHashSet<>();
            for (String part : input.split("[,;，；、]")) {
                String code = part.strip();
                if (code.isEmpty()) {
                    continue;
                }
                if (options.stream().noneMatch(o -> o.active() && o.code().equals(code))) {
                    return Parsed.refused("validation.picklist", code);
                }
                codes.add(code);
            }
            return codes.isEmpty() ? Parsed.empty() : Parsed.value(List.copyOf(codes));
        }
    }

    /** A reference to a record of another object, by id; that it exists and is visible is checked by the record engine. */
    record Lookup(String targetObject) implements FieldType {
        public String columnType() {
            return "bigint";
        }

        public Parsed parse(String input) {
            return parseId(input);
        }
    }

    /** A user of the organization, by id. */
    record UserRef() implements FieldType {
        public String columnType() {
            return "bigint";
        }

        public Parsed parse(String input) {
            return parseId(input);
        }
    }

    /** A department, by id. */
    record DepartmentRef() implements FieldType {
        public String columnType() {
            return "bigint";
        }

        public Parsed parse(String input) {
            return parseId(input);
        }
    }

    /** An e-mail address, stored lower-cased. */
    record Email() implements FieldType {
        private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

        public String columnType() {
            return "text";
        }

        public Parsed parse(String input) {
            return input.length() <= 254 && EMAIL.matcher(input).matches()
                    ? Parsed.value(input.toLowerCase(Locale.ROOT)) : Parsed.refused("validation.email");
        }
    }

    /** A phone number: mainland mobiles (13800138000, +86 138 0013 8000), landlines (010-12345678), international. */
    record Phone() implements FieldType {
        private static final Pattern ALLOWED = Pattern.compile("^\\+?[0-9()\\-\\s]{5,30}(\\s*(ext\\.?|转|x)\\s*\\d{1,6})?$");

        public String columnType() {
            return "text";
        }

        public Parsed parse(String input) {
            long digits = input.chars().filter(Character::isDigit).count();
            return ALLOWED.matcher(input).matches() && digits >= 5 && digits <= 20
                    ? Parsed.value(input.replaceAll("\\s+", " ")) : Parsed.refused("validation.phone");
        }
    }

    /** A web address (http or https); "www.example.com" gets https:// in front. */
    record Url() implements FieldType {
        public String columnType() {
            return "text";
        }

        public Parsed parse(String input) {
            String candidate = input.matches("(?i)^https?://.*") ? input : "https://" + input;
            try {
                URI uri = URI.create(candidate);
                boolean ok = uri.getHost() != null && uri.getHost().contains(".") && candidate.length() <= 2000;
                return ok ? Parsed.value(candidate) : Parsed.refused("validation.url");
            } catch (IllegalArgumentException e) {
                return Parsed.refused("validation.url");
            }
        }
    }

    /** Province / city / district, stored as up to three names, typed separated by "/" or spaces. */
    record Region() implements FieldType {
        public String columnType() {
            return "text[]";
        }

        public Parsed parse(String input) {
            List<String> parts = new ArrayList<>();
            for (String part : input.split("[/\\s]+")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
            return parts.size() > 3 || parts.stream().anyMatch(p -> p.length() > 40)
                    ? Parsed.refused("validation.region") : Parsed.value(List.copyOf(parts));
        }
    }

    /** A number given by the system on create, such as PRD-000123; never typed by users. */
    record AutoNumber(String prefix, int digits) implements FieldType {
        public String columnType() {
            return "text";
        }

        public Parsed parse(String input) {
            return Parsed.refused("validation.read-only");
        }

        public String format(long sequence) {
            return prefix + String.format("%0" + digits + "d", sequence);
        }
    }

    /**
     * Files attached to the record, stored as the ids of stored files (typed separated by commas; each
     * once). That the files may be attached is checked by the record engine.
     */
    record Attachment(int maxFiles) implements FieldType {
        public String columnType() {
            return "bigint[]";
        }

        public Parsed parse(String input) {
            Set<Long> ids = new LinkedHashSet<>();
            for (String part : input.split(",")) {
                Parsed id = parseId(part.strip());
                if (!(id instanceof Parsed.Value(Long value))) {
                    return id;
                }
                ids.add(value);
            }
            return ids.size() > maxFiles ? Parsed.refused("validation.too-many-files", maxFiles) : Parsed.value(List.copyOf(ids));
        }
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static Parsed parseId(String input) {
        if (!input.matches("\\d{1,18}")) {
            return Parsed.refused("validation.reference");
        }
        return Parsed.value(Long.parseLong(input));
    }

    private static Parsed parseNumber(String input, int precision, int scale, BigDecimal min, BigDecimal max) {
        String plain = input.replace(",", "").replace("，", "").replace(" ", "");
        BigDecimal number;
        try {
            number = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return Parsed.refused("validation.number");
        }
        if (number.scale() > scale && number.stripTrailingZeros().scale() > scale) {
            return Parsed.refused("validation.decimals", scale);
        }
        if (number.precision() - number.scale() > precision - scale) {
            return Parsed.refused("validation.number-too-large");
        }
        if (min != null && number.compareTo(min) < 0) {
            return Parsed.refused("validation.min", min.toPlainString());
        }
        if (max != null && number.compareTo(max) > 0) {
            return Parsed.refused("validation.max", max.toPlainString());
        }
        return Parsed.value(number.setScale(scale, java.math.RoundingMode.UNNECESSARY));
    }
}
