package io.haina.crm.platform.io;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.PicklistOption;

/**
 * Turns a row's cells into the input the record engine reads, as if typed into the form: only
 * mapped columns; option labels (either language) become codes; a date-time without an offset is
 * taken in the importer's time zone; a lookup may name its target instead of giving its id; the quote an export put before "=..." to keep spreadsheets
 * from running it as a formula is taken off again.
 */
final class RowInput {

    private static final Pattern GUARDED = Pattern.compile("^'[=+\\-@\\t\\r].*", Pattern.DOTALL);
    private static final Pattern SEPARATORS = Pattern.compile("[,;，；、]");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().appendPattern("uuuu-M-d[ H:m[:s]]")
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).toFormatter();

    private final ObjectDef object;
    private final List<String> mapping;
    private final ZoneId zone;
    private final BilingualLabels labels;
    private final LookupCells lookups;

    RowInput(ObjectDef object, List<String> mapping, ZoneId zone, BilingualLabels labels, LookupCells lookups) {
        this.object = object;
        this.mapping = mapping;
        this.zone = zone;
        this.labels = labels;
        this.lookups = lookups;
    }

    Map<String, String> of(SourceRow row) {
        Map<String, String> input = new LinkedHashMap<>();
        for (int column = 0; column < mapping.size(); column++) {
            String name = mapping.get(column);
            if (name != null) {
                FieldDef field = object.field(name).orElseThrow();
                input.put(name, value(field, unguarded(row.cell(column).strip())));
            }
        }
        return input;
    }

    private String value(FieldDef field, String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        return switch (field.type()) {
            case FieldType.Picklist p -> code(p.options(), cell);
            case FieldType.MultiPicklist p -> {
                List<String> codes = new ArrayList<>();
                for (String part : SEPARATORS.split(cell)) {
                    if (!part.isBlank()) {
                        codes.add(code(p.options(), part.strip()));
                    }
                }
                yield String.join(",", codes);
            }
            case FieldType.DateTime t -> withZone(cell);
            case FieldType.Lookup lookup -> lookups.id(field, lookup, cell);
            default -> cell;
        };
    }

    private String code(List<PicklistOption> options, String cell) {
        return labels.option(options, cell).map(PicklistOption::code).orElse(cell);
    }

    private String withZone(String cell) {
        try {
            return LocalDateTime.parse(cell.replace('T', ' ').replace('/', '-'), LOCAL).atZone(zone)
                    .toOffsetDateTime().toString();
        } catch (DateTimeParseException hasOffsetOrIsWrong) {
            return cell;
        }
    }

    private static String unguarded(String cell) {
        return GUARDED.matcher(cell).matches() ? cell.substring(1) : cell;
    }
}
