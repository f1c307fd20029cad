package io.haina.crm.platform.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A notice to one user. Its text is a message key with arguments, put together in the reader's
 * language when shown or e-mailed; the arguments are plain text (names, numbers already written
 * out), never markup. Built step by step:
 * <pre>{@code
 * notifications.send(Notice.to(ownerId, LEAD_ASSIGNED)
 *         .message("lead.notice.assigned", lead.name(), assigner.displayName())
 *         .link("/o/lead/" + lead.id())
 *         .alsoByEmail());
 * }</pre>
 *
 * @param recipientId the user it is for
 * @param kind        what it is about
 * @param messageKey  the key of its text in the message bundles
 * @param args        the text's arguments {0}, {1}, ...
 * @param link        where opening it leads: a path inside Haina such as {@code /o/lead/42}, or {@code null}
 * @param email       whether to e-mail it too (if the recipient has an address and has not switched e-mails off)
 */
public record Notice(long recipientId, NoticeKind kind, String messageKey, List<String> args, String link, boolean email) {

    /** Long enough for any record page with its query. */
    public static final int MAX_LINK_LENGTH = 2000;

    public Notice {
        Objects.requireNonNull(kind, "kind");
        if (messageKey == null || messageKey.isBlank() || messageKey.length() > 200) {
            throw new IllegalArgumentException("a notice needs a message key");
        }
        args = List.copyOf(args);
        if (link != null && !isInternalPath(link)) {
            throw new IllegalArgumentException("a notice links to a path inside Haina, such as /o/lead/42, not " + link);
        }
    }

    /** A notice to a user, still without its text. */
    public static Notice to(long recipientId, NoticeKind kind) {
        return new Notice(recipientId, kind, "notify.untitled", List.of(), null, false);
    }

    /** The text: a message key and its arguments ({@code null} becomes an empty text). */
    public Notice message(String key, Object... arguments) {
        List<String> texts = Arrays.stream(arguments).map(a -> a == null ? "" : a.toString()).toList();
        return new Notice(recipientId, kind, key, texts, link, email);
    }

    public Notice link(String path) {
        return new Notice(recipientId, kind, messageKey, args, path, email);
    }

    public Notice alsoByEmail() {
        return new Notice(recipientId, kind, messageKey, args, link, true);
    }

    /**
     * A path on this server: it starts with one slash (not {@code //host}, which a browser reads
     * as another site) and holds no backslash or control character. Opening a notice redirects
     * to its link, so anything else would make Haina an open redirect.
     */
    static boolean isInternalPath(String link) {
        if (link.length() > MAX_LINK_LENGTH || !link.startsWith("/") || link.startsWith("//")) {
            return false;
        }
        return link.chars().noneMatch(c -> c == '\\' || Character.isISOControl(c));
    }
}
