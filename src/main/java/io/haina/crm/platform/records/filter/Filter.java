package io.haina.crm.platform.records.filter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed list filter: comparisons on fields joined by {@code and} / {@code or}, negated with
 * {@code not}, grouped with brackets. {@link #toString()} writes the canonical text back, which
 * {@link FilterParser} reads again to an equal filter — so a filter can live in a URL or a saved view.
 */
public sealed interface Filter {

    /** {@code field op values}: no value for empty/notempty, two for between, any number for in. */
    record Comparison(String field, Operator operator, List<String> values) implements Filter {
        public Comparison {
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            return switch (operator.arity()) {
                case NONE -> field + " " + operator.word();
                case ONE -> field + " " + operator.word() + " " + quote(values.getFirst());
                case TWO -> field + " " + operator.word() + " " + quote(values.get(0)) + " and " + quote(values.get(1));
                case LIST -> field + " " + operator.word() + " ("
                        + values.stream().map(Filter::quote).collect(Collectors.joining(", ")) + ")";
            };
        }
    }

    record All(List<Filter> parts) implements Filter {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return parts.stream().map(p -> p instanceof Any ? "(" + p + ")" : p.toString()).collect(Collectors.joining(" and "));
        }
    }

    record Any(List<Filter> parts) implements Filter {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return parts.stream().map(Filter::toString).collect(Collectors.joining(" or "));
        }
    }

    record Not(Filter inner) implements Filter {
        @Override
        public String toString() {
            return "not (" + inner + ")";
        }
    }

    /** Every comparison in the filter, depth first. */
    default List<Comparison> comparisons() {
        return switch (this) {
            case Comparison c -> List.of(c);
            case All all -> all.parts().stream().flatMap(p -> p.comparisons().stream()).toList();
            case Any any -> any.parts().stream().flatMap(p -> p.comparisons().stream()).toList();
            case Not not -> not.inner().comparisons();
        };
    }

    /** Values are always written quoted, with a quote inside doubled, so any text survives the round trip. */
    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
