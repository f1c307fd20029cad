package io.haina.crm.platform.activity.web;

import java.util.Map;

import io.haina.crm.platform.activity.FollowUp;
import io.haina.crm.platform.activity.Task;

/**
 * What the timeline's templates need beside the entries: names of the users and contacts they
 * mention, times in the reader's words, and which follow-ups the reader may still change.
 */
public record TimelineView(String objectCode, long recordId, long readerId, TimeText time, Map<Long, String> users,
                           Map<Long, String> contacts, java.util.function.Predicate<FollowUp> changeable) {

    public String user(long id) {
        return users.getOrDefault(id, "#" + id);
    }

    /** A contact's name; a placeholder for one the reader may not see (or that is gone). */
    public String contact(long id, String unseen) {
        return contacts.getOrDefault(id, unseen);
    }

    public boolean mayChange(FollowUp followUp) {
        return changeable.test(followUp);
    }

    public boolean overdue(Task task) {
        return task.overdue(time.now());
    }

    public String recordPath() {
        return "/o/" + objectCode + "/" + recordId;
    }
}
