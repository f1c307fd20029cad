package io.haina.crm.platform.activity.web;

import java.util.List;
import java.util.Map;

import io.haina.crm.platform.activity.FollowUpKind;
import io.haina.crm.platform.web.FormErrors;

/**
 * The quick follow-up form: what was typed (kept when it is refused), the problems at the fields,
 * and the record's contacts to tick.
 *
 * @param action   where it posts
 * @param values   kind, content, at, nextAt as typed
 * @param chosen   the contacts ticked
 * @param contacts the record's contacts the writer may see, by id, by name
 */
public record FollowUpForm(String action, Map<String, String> values, List<String> chosen, FormErrors errors,
                           Map<Long, String> contacts) {

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
}
