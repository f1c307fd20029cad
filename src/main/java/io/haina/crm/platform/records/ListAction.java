package io.haina.crm.platform.records;

/**
 * A change to the records ticked on a list that a module offers beside the engine's own bulk
 * changes (customers transferred with their contacts). Its button opens a dialog whose body is
 * fetched from {@code href} with the ticked ids as {@code ids} parameters (htmx): the module
 * answers with a small form of its own.
 *
 * @param key                 unique among an object's list actions; letters, digits, {@code -} and {@code _}
 * @param labelKey            message key of its label (and the dialog's title)
 * @param icon                Bootstrap Icons name, without the {@code bi-} prefix
 * @param href                where the dialog's body is fetched from
 * @param replacesOwnerChange whether it stands in for the engine's plain "change owner" (which then is not offered)
 */
public record ListAction(String key, String labelKey, String icon, String href, boolean replacesOwnerChange) {

    public ListAction {
        if (!key.matches("[A-Za-z0-9_-]{1,60}")) {
            throw new IllegalArgumentException("a list action's key goes in element ids: " + key);
        }
    }
}
