package io.haina.crm.platform.activity;

import java.util.List;

/**
 * Puts lists in a user's to-do inbox (待办, S11): follow-ups due and tasks from this module;
 * customers about to return to the pool from the pools, approvals waiting from the approvals,
 * overdue payments later. Declare one as a bean; it is asked on every visit to the inbox and for
 * the badge beside its entry, so it reads only what it shows (a few dozen rows).
 */
public interface TodoSource {

    /** The reader's lists, in the order they stand in; an empty list is not shown. */
    List<TodoList> listsFor(TodoReader reader);

    /**
     * Whether any of its lists can be urgent. The badge beside the inbox's entry counts urgent
     * items on every page a user opens, and does not ask a source that never has any.
     */
    default boolean mayBeUrgent() {
        return true;
    }
}
