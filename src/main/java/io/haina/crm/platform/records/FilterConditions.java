package io.haina.crm.platform.records;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import io.haina.crm.platform.database.LikePatterns;
import io.haina.crm.platform.metadata.FieldAccess;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.Parsed;
import io.haina.crm.platform.records.filter.Filter;
import io.haina.crm.platform.records.filter.Operator;
import io.haina.crm.platform.records.filter.RelativePeriod;
import io.haina.crm.platform.web.InvalidInputException;

/**
 * Turns a {@link Filter} into SQL on one object's table. Every field must be one the actor sees,
 * every operator must suit the field's type, and every value is read by the field's own type (so
 * "¥1,000" and "2026年11月1日" work in a filter as in a form) and bound, never spliced.
 *
 * <p>Text comparisons ignore case. "Not equal" and "does not contain" include records where the
 * field is empty, as people expect ("every product whose category is not software").
 */
final class FilterConditions {

    private final ObjectDef object;
    private final RecordTable t;
    private final long actorId;
    private final ZoneId zone;
    private final LocalDate today;

    FilterConditions(ObjectDef object, RecordTable t, long actorId, ZoneId zone, LocalDate today) {
        this.object = object;
        this.t = t;
        this.actorId = actorId;
        this.zone = zone;
        this.today = today;
    }

    Condition of(Filter filter) {
        return switch (filter) {
            case null -> DSL.noCondition();
            case Filter.All all -> DSL.and(all.parts().stream().map(this::of).toList());
            case Filter.Any any -> DSL.or(any.parts().stream().map(this::of).toList());
            case Filter.Not not -> DSL.not(of(not.inner()));
            case Filter.Comparison c -> comparison(c);
        };
    }

    private Condition comparison(Filter.Comparison c) {
        // A masked field cannot be filtered: trying values one by one would unmask it.
        FieldDef field = SystemFields.find(object, c.field()).filter(f -> f.access() != FieldAccess.MASKED)
                .orElseThrow(() -> InvalidInputException.of("filter", "filter.error.unknown-field", c.field()));
        Operator op = c.operator();
        if (!Operator.forType(field.type()).contains(op)) {
            throw InvalidInputException.of("filter", "filter.error.operator-not-for-field", op.word(), c.field());
        }
        Field<Object> column = t.of(field);
        return switch (op) {
            case EMPTY -> empty(field, column);
            case NOT_EMPTY -> DSL.not(empty(field, column));
            case DURING -> within(field, column, period(c.values().getFirst()));
            case CONTAINS -> contains(field, column, c.values().getFirst());
            case NOT_CONTAINS -> DSL.not(contains(field, column, c.values().getFirst())).or(column.isNull());
            case STARTS_WITH -> text(column).likeIgnoreCase(LikePatterns.literal(c.values().getFirst()) + "%", LikePatterns.ESCAPE);
            case IN -> in(field, column, c.values());
            case NOT_IN -> DSL.not(in(field, column, c.values())).or(column.isNull());
            case BETWEEN -> compare(field, column, Operator.GE, c.values().get(0))
                    .and(compare(field, column, Operator.LE, c.values().get(1)));
            case NE -> DSL.not(compare(field, column, Operator.EQ, c.values().getFirst())).or(column.isNull());
            default -> compare(field, column, op, c.values().getFirst());
        };
    }

    private Condition empty(FieldDef field, Field<Object> column) {
        return switch (field.type()) {
            case FieldType.MultiPicklist x -> column.isNull().or(DSL.cardinality(array(column)).eq(0));
            case FieldType.Region x -> column.isNull().or(DSL.cardinality(array(column)).eq(0));
            case FieldType.Attachment x -> column.isNull().or(DSL.cardinality(column.coerce(SQLDataType.BIGINT.array())).eq(0));
            default -> column.isNull();
        };
    }

    /** eq, gt, ge, lt, le on one typed value; a date given for a date-time field means that whole day. */
    private Condition compare(FieldDef field, Field<Object> column, Operator op, String input) {
        if (field.type() instanceof FieldType.DateTime) {
            Parsed asDay = new FieldType.Date().parse(input);
            if (asDay instanceof Parsed.Value(Object day)) {
                RelativePeriod whole = new RelativePeriod((LocalDate) day, ((LocalDate) day).plusDays(1));
                return switch (op) {
                    case EQ -> within(field, column, whole);
                    case GT -> column.ge(startOf(whole.until()));
                    case GE -> column.ge(startOf(whole.from()));
                    case LT -> column.lt(startOf(whole.from()));
                    default -> column.lt(startOf(whole.until())); // LE: up to the end of that day
                };
            }
        }
        if (field.type() instanceof FieldType.Text || field.type() instanceof FieldType.Email
                || field.type() instanceof FieldType.Url || field.type() instanceof FieldType.AutoNumber) {
            return DSL.lower(text(column)).eq(input.toLowerCase(java.util.Locale.ROOT));
        }
        Object value = value(field, input);
        return switch (op) {
            case EQ -> column.eq(value);
            case GT -> column.gt(value);
            case GE -> column.ge(value);
            case LT -> column.lt(value);
            default -> column.le(value);
        };
    }

    private Condition in(FieldDef field, Field<Object> column, List<String> inputs) {
        if (field.type() instanceof FieldType.MultiPicklist) {
            String[] codes = inputs.stream().map(v -> (String) value(field, v)).toArray(String[]::new);
            return DSL.condition("{0} && {1}", column, DSL.val(codes, SQLDataType.CLOB.array()));
        }
        List<Condition> any = new ArrayList<>();
        for (String input : inputs) {
            any.add(compare(field, column, Operator.EQ, input));
        }
        return DSL.or(any);
    }

    private Condition contains(FieldDef field, Field<Object> column, String input) {
        return switch (field.type()) {
            case FieldType.MultiPicklist x -> DSL.condition("{0} @> {1}", column,
                    DSL.val(new String[] {(String) value(field, input)}, SQLDataType.CLOB.array()));
            case FieldType.Region x -> DSL.condition("array_to_string({0}, '/') ilike {1} escape '\\'", column,
                    DSL.val(LikePatterns.containing(input)));
            default -> text(column).likeIgnoreCase(LikePatterns.containing(input), LikePatterns.ESCAPE);
        };
    }

    private Condition within(FieldDef field, Field<Object> column, RelativePeriod period) {
        if (field.type() instanceof FieldType.DateTime) {
            return column.ge(startOf(period.from())).and(column.lt(startOf(period.until())));
        }
        return column.ge(period.from()).and(column.lt(period.until()));
    }

    private RelativePeriod period(String name) {
        return RelativePeriod.of(name, today)
                .orElseThrow(() -> InvalidInputException.of("filter", "filter.error.period", name));
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /**
     * One value read by the field's type. Filters may name inactive picklist options (old records
     * keep them), and {@code me} stands for the actor in a user field.
     */
    private Object value(FieldDef field, String input) {
        if (field.type() instanceof FieldType.UserRef && input.equalsIgnoreCase("me")) {
            return actorId;
        }
        if (field.type() instanceof FieldType.Picklist p
                && p.options().stream().anyMatch(o -> o.code().equals(input))) {
            return input;
        }
        if (field.type() instanceof FieldType.MultiPicklist p) {
            if (p.options().stream().anyMatch(o -> o.code().equals(input))) {
                return input;
            }
            throw InvalidInputException.of("filter", "filter.error.value", input, field.name());
        }
        return switch (field.type().parse(input.strip())) {
            case Parsed.Value(Object value) when value != null -> value;
            default -> throw InvalidInputException.of("filter", "filter.error.value", input, field.name());
        };
    }

    private static Field<String> text(Field<Object> column) {
        return column.coerce(SQLDataType.CLOB);
    }

    private static Field<String[]> array(Field<Object> column) {
        return column.coerce(SQLDataType.CLOB.array());
    }
}
