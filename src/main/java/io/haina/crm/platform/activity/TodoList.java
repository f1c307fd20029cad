package io.haina.crm.platform.activity;

import java.util.List;

/**
 * One list of the to-do inbox.
 *
 * @param key      unique in the inbox (element ids): {@code follow-ups-due}, {@code pool-returning}
 * @param titleKey message key of its title
 * @param icon     Bootstrap Icons name, without the {@code bi-} prefix
 * @param items    what is to do, soonest first
 * @param urgent   whether its items count in the badge beside the inbox's entry (due today or overdue)
 */
public record TodoList(String key, String titleKey, String icon, List<TodoItem> items, boolean urgent) {

    public TodoList {
        items = List.copyOf(items);
    }
}
