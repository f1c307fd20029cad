package io.haina.crm.platform.web;

import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Everything the page layout needs, handed to every template as {@code shell}.
 *
 * @param msg         texts in the request's language
 * @param user        the signed-in user, or {@code null} on the sign-in and setup pages
 * @param companyName the company's name, or {@code null} before setup
 * @param nav         the navigation the user may open
 * @param path        the request path, to mark the current entry
 * @param query       the request's query string, or {@code null}
 * @param csrfHeader  the header htmx sends the CSRF token in
 * @param csrfParam   the form field a plain form sends it in
 * @param csrfToken   the token itself
 * @param notice      a message key to show once (after a redirect), or {@code null}
 * @param unread      counts the user's unread notifications when the bell asks (so fragments never do)
 */
public record Shell(Messages msg, ShellUser user, String companyName, Map<NavItem.Section, List<NavItem>> nav,
                    String path, String query, String csrfHeader, String csrfParam, String csrfToken, String notice,
                    String problem, IntSupplier unread) {

    public String t(String key, Object... args) {
        return msg.t(key, args);
    }

    /** The signed-in user's unread notifications, for the bell in the top bar. */
    public int unreadNotices() {
        return user == null ? 0 : unread.getAsInt();
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean can(String permission) {
        return user != null && user.can(permission);
    }

    /** Where the language switch returns to: this page with its filters. */
    public String pathWithQuery() {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    public boolean isActive(NavItem item) {
        return item.isActive(path);
    }

    /** The JSON for {@code hx-headers}, so that every htmx request carries the CSRF token. */
    public String htmxHeaders() {
        return csrfHeader == null ? "{}" : "{\"" + csrfHeader + "\": \"" + csrfToken + "\"}";
    }
}
