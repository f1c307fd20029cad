package io.haina.crm.platform.records;

import java.util.function.Function;

/**
 * A tab a module adds to the detail pages of records (A7, C8): the activity timeline of a customer,
 * say. The engine shows its title and fetches its body from {@code href} when the tab comes into
 * view (htmx), so the detail page never waits for another module and never depends on it.
 *
 * @param key      unique among a page's tabs; letters, digits, {@code -} and {@code _} (it is in element ids)
 * @param titleKey message key of its title
 * @param icon     Bootstrap Icons name, without the {@code bi-} prefix
 * @param href     where its body is fetched from, for a record
 * @param leading  whether it comes before the record's own fields, as the tab open on arrival
 */
public record RecordTab(String key, String titleKey, String icon, Function<RecordData, String> href, boolean leading) {

    public RecordTab {
        if (!key.matches("[A-Za-z0-9_-]{1,60}")) {
            throw new IllegalArgumentException("a tab's key goes in element ids: " + key);
        }
    }

    /** The element id of its body, and so the fragment its URL must answer with. */
    public String elementId() {
        return "tab-" + key;
    }
}
