package io.haina.crm.platform.records.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.records.LookupIds;
import io.haina.crm.platform.records.filter.Filter;
import io.haina.crm.platform.records.filter.Operator;

/**
 * The filter builder's rows — field, operator, value(s) — joined by "all" or "any". A filter the
 * rows can express (one level of comparisons) opens in the builder; deeper ones stay in the text box.
 * Form fields are {@code f<i>.field}, {@code f<i>.op}, {@code f<i>.v} (several for a multi-select,
 * or one text with comma-separated values) and {@code f<i>.v2} (the upper end of "between").
 */
public record FilterRows(boolean matchAll, List<Row> rows) {

    public record Row(int index, String field, Operator op, List<String> values) {
        public String value(int i) {
            return values.size() > i ? values.get(i) : "";
        }

        /** Notes the records the row's values name, when its field (among those offered) is a lookup. */
        LookupIds lookupIds(List<FieldDef> fields, LookupIds ids) {
            fields.stream().filter(f -> f.name().equals(field)).findFirst()
                    .ifPresent(f -> values.forEach(v -> ids.add(f, v)));
            return ids;
        }
    }

    private static final Pattern FIELD_PARAM = Pattern.compile("f(\\d{1,6})\\.field");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,，、;；]\\s*");

    static FilterRows empty() {
        return new FilterRows(true, List.of());
    }

    /** The rows of a filter, when it is a single comparison or one "and" / "or" of comparisons. */
    static Optional<FilterRows> of(Filter filter) {
        return switch (filter) {
            case null -> Optional.of(empty());
            case Filter.Comparison c -> Optional.of(new FilterRows(true, List.of(row(0, c))));
            case Filter.All all when all.parts().stream().allMatch(p -> p instanceof Filter.Comparison) ->
                    Optional.of(new FilterRows(true, rows(all.parts())));
            case Filter.Any any when any.parts().stream().allMatch(p -> p instanceof Filter.Comparison) ->
                    Optional.of(new FilterRows(false, rows(any.parts())));
            default -> Optional.empty();
        };
    }

    /** Whether a submitted form carries builder rows. */
    static boolean submitted(MultiValueMap<String, String> params) {
        return params.containsKey("fm");
    }

    /** The rows of a submitted builder form, in index order; rows without field or operator are dropped. */
    static FilterRows from(MultiValueMap<String, String> params) {
        TreeMap<Integer, Row> rows = new TreeMap<>();
        for (String key : params.keySet()) {
            Matcher m = FIELD_PARAM.matcher(key);
            if (!m.matches()) {
                continue;
            }
            int i = Integer.parseInt(m.group(1));
            String field = params.getFirst(key);
            Optional<Operator> op = Optional.ofNullable(params.getFirst("f" + i + ".op")).flatMap(Operator::byWord);
            if (field == null || field.isBlank() || op.isEmpty()) {
                continue;
            }
            List<String> values = new ArrayList<>();
            List<String> given = params.getOrDefault("f" + i + ".v", List.of());
            switch (op.get().arity()) {
                case NONE -> { }
                case ONE -> values.add(given.isEmpty() ? "" : given.getLast().strip());
                case TWO -> {
                    values.add(given.isEmpty() ? "" : given.getLast().strip());
                    values.add(Optional.ofNullable(params.getFirst("f" + i + ".v2")).orElse("").strip());
                }
                case LIST -> given.stream().flatMap(v -> LIST_SEPARATOR.splitAsStream(v.strip()))
                        .filter(v -> !v.isBlank()).forEach(values::add);
            }
            rows.put(i, new Row(i, field, op.get(), values));
        }
        return new FilterRows(!"any".equals(params.getFirst("fm")), List.copyOf(rows.values()));
    }

    /** The filter the rows make; rows still missing a value are left out (the builder shows them again). */
    Filter toFilter() {
        List<Filter> parts = rows.stream().filter(FilterRows::complete)
                .map(r -> (Filter) new Filter.Comparison(r.field(), r.op(), r.values())).toList();
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return matchAll ? new Filter.All(parts) : new Filter.Any(parts);
    }

    public int nextIndex() {
        return rows.stream().mapToInt(Row::index).max().orElse(-1) + 1;
    }

    private static boolean complete(Row row) {
        return switch (row.op().arity()) {
            case NONE -> true;
            case ONE -> !row.value(0).isEmpty();
            case TWO -> !row.value(0).isEmpty() && !row.value(1).isEmpty();
            case LIST -> !row.values().isEmpty();
        };
    }

    private static List<Row> rows(List<Filter> comparisons) {
        List<Row> rows = new ArrayList<>();
        for (Filter part : comparisons) {
            rows.add(row(rows.size(), (Filter.Comparison) part));
        }
        return rows;
    }

    private static Row row(int index, Filter.Comparison c) {
        return new Row(index, c.field(), c.operator(), c.values());
    }
}
