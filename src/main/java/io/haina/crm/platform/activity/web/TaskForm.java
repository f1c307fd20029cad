package io.haina.crm.platform.activity.web;

import java.util.List;
import java.util.Map;

import io.haina.crm.platform.activity.Task;
import io.haina.crm.platform.activity.TaskPriority;
import io.haina.crm.platform.activity.Tasks;
import io.haina.crm.platform.web.FormErrors;

/**
 * The task form: what was typed, the problems at the fields, who can be chosen as assignee, and
 * the record it is about (by name, when there is one).
 *
 * @param task       the task being changed, or null for a new one
 * @param editable   whether the reader may change it (the assignee and the one who asked)
 * @param recordName the related record's name as the reader sees it, or null
 */
public record TaskForm(Task task, boolean editable, Map<String, String> values, FormErrors errors, Map<Long, String> users,
                       String recordName) {

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String action() {
        return task == null ? "/tasks" : "/tasks/" + task.id();
    }

    public List<TaskPriority> priorities() {
        return List.of(TaskPriority.values());
    }

    public List<Integer> reminders() {
        return Tasks.REMINDER_CHOICES;
    }

    public String recordPath() {
        String object = value("objectCode");
        String id = value("recordId");
        return object.isEmpty() || id.isEmpty() ? null : "/o/" + object + "/" + id;
    }
}
