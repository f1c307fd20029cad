package io.haina.crm.platform.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.FieldAccess;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.Parsed;

/**
 * The engine's own duplicate check, driven by the metadata: a visible record whose
 * {@linkplain ObjectDef#duplicateFields() duplicate field} holds the value typed, text compared
 * without case and without blanks ("海纳 服务器X1" repeats "海纳服务器 x1"), other types by value.
 */
@Component
@Order(0)
class SameValueDuplicateCheck implements DuplicateCheck {

    /** Blanks of any width, ideographic spaces included, as people type them in names. */
    private static final String BLANKS = "[\\s\u3000]+";

    private final VisibleMatches matches;

    SameValueDuplicateCheck(VisibleMatches matches) {
        this.matches = matches;
    }

    @Override
    public boolean appliesTo(ObjectDef object) {
        return !object.duplicateFields().isEmpty();
    }

    @Override
    public List<DuplicateCandidate> candidates(long actorId, ObjectDef object, Map<String, String> input) {
        RecordTable t = new RecordTable(object);
        List<DuplicateCandidate> found = new ArrayList<>();
        for (String name : object.duplicateFields()) {
            FieldDef field = object.field(name).filter(f -> f.access() != FieldAccess.MASKED).orElse(null);
            String typed = input.get(name);
            Condition same = field == null || typed == null || typed.isBlank() ? null : same(t, field, typed);
            if (same != null) {
                matches.ids(actorId, object, t, same)
                        .forEach(id -> found.add(new DuplicateCandidate(id, DuplicateCandidate.SAME_VALUE, name)));
            }
        }
        return found;
    }

    /** The condition "same value", or null when the input is not a value of the field. */
    private static Condition same(RecordTable t, FieldDef field, String typed) {
        if (!(field.type().parse(typed.strip()) instanceof Parsed.Value(Object value)) || value == null) {
            return null;
        }
        if (value instanceof String text && isPlainText(field.type())) {
            String key = normalized(text);
            Field<String> column = t.column(field.name(), String.class);
            return key.isEmpty() ? null : comparable(column).eq(key);
        }
        return t.of(field).eq(value);
    }

    /**
     * The column lower-cased without blanks. Written with inline constants so that it is the very
     * expression of an index on it (the product name has one, V22): PostgreSQL matches an
     * expression index only against the same constants, not against bound parameters.
     */
    static Field<String> comparable(Field<String> column) {
        return DSL.regexpReplaceAll(DSL.lower(column), DSL.inline(BLANKS), DSL.inline(""));
    }

    private static boolean isPlainText(FieldType type) {
        return type instanceof FieldType.Text || type instanceof FieldType.Email || type instanceof FieldType.Phone
                || type instanceof FieldType.Url || type instanceof FieldType.AutoNumber;
    }

    /** Lower case without blanks, as the SQL side compares. */
    static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll(BLANKS, "");
    }
}
