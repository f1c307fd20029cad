package io.haina.crm.platform.records;

import java.util.function.Function;

/**
 * A quick action a module puts on every row of a list (a follow-up written without leaving the
 * list, say). The row's button opens a dialog whose body is fetched from {@code href} (htmx): the
 * module answers with a small form of its own.
 *
 * @param key      unique among an object's row actions; letters, digits, {@code -} and {@code _}
 * @param labelKey message key of its label (and the dialog's title)
 * @param icon     Bootstrap Icons name, without the {@code bi-} prefix
 * @param href     where the dialog's body is fetched from, for a row
 */
public record RowAction(String key, String labelKey, String icon, Function<RecordData, String> href) {

    public RowAction {
        if (!key.matches("[A-Za-z0-9_-]{1,60}")) {
            throw new IllegalArgumentException("a row action's key goes in element ids: " + key);
        }
    }
}
