package io.haina.crm.platform.activity.web;

import java.util.List;
import java.util.Map;

import io.haina.crm.platform.activity.FollowUpKind;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.web.FormErrors;

/**
 * The quick follow-up form: what was typed (kept when it is refused), the problems at the fields,
 * the record's contacts to tick, and the files chosen.
 *
 * @param action    where it posts
 * @param values    kind, content, at, nextAt as typed
 * @param chosen    the contacts ticked
 * @param contacts  the record's contacts the writer may see, by id, by name
 * @param files     files uploaded with a form that was sent back, kept for the next try
 * @param fileLimit the most one file may have, in bytes and as people read it
 */
public record FollowUpForm(String action, Map<String, String> values, List<String> chosen, FormErrors errors,
                           Map<Long, String> contacts, List<StoredFile> files, FileLimit fileLimit) {

    /** How large one file may be: in bytes for the page's own check before sending, and in words. */
    public record FileLimit(long bytes, String text) {
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean isKind(FollowUpKind kind) {
        return kind.code().equals(values.getOrDefault("kind", FollowUpKind.CALL.code()));
    }

    public boolean isChosen(long contactId) {
        return chosen.contains(String.valueOf(contactId));
    }

    public List<FollowUpKind> kinds() {
        return List.of(FollowUpKind.values());
    }

    public int maxFiles() {
        return FollowUps.MAX_FILES;
    }
}
