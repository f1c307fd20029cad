package io.haina.crm.platform.metadata;

import java.util.function.UnaryOperator;

/**
 * A duplicate check by a computed key: two records whose field gives the same non-empty key may
 * be one. The key lives in a column of its own beside the field, written by the record engine
 * with the field and indexed, so that a check is one index lookup however many records there are.
 *
 * @param field  the field the key is computed from
 * @param column the column holding the key, e.g. {@code name_key}
 * @param keyOf  text of the field → key; empty means "nothing to match on"
 */
public record DuplicateKey(String field, String column, UnaryOperator<String> keyOf) {

    public DuplicateKey {
        if (!column.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("key column must be lower_snake_case: " + column);
        }
    }

    /** The key of a value, never null. */
    public String of(String value) {
        String key = value == null ? "" : keyOf.apply(value);
        return key == null ? "" : key;
    }
}
