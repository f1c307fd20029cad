package io.haina.crm.platform.activity;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The reader's open tasks in the inbox: overdue, today, and coming (the next week). */
@Component
@Order(20)
class TasksDue implements TodoSource {

    static final int SHOWN = 100;
    static final int COMING_DAYS = 7;

    private final TaskRepository tasks;

    TasksDue(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<TodoList> listsFor(TodoReader reader) {
        List<Task> open = tasks.openOf(reader.userId(), SHOWN);
        var endOfToday = reader.endOfToday();
        var endOfComing = endOfToday.plusDays(COMING_DAYS);
        return List.of(
                list("tasks-overdue", "todo.tasks-overdue", "exclamation-circle",
                        open.stream().filter(t -> t.dueAt().isBefore(reader.now())).toList(), true),
                list("tasks-today", "todo.tasks-today", "calendar-check",
                        open.stream().filter(t -> !t.dueAt().isBefore(reader.now()) && t.dueAt().isBefore(endOfToday)).toList(), true),
                list("tasks-coming", "todo.tasks-coming", "calendar-week",
                        open.stream().filter(t -> !t.dueAt().isBefore(endOfToday) && t.dueAt().isBefore(endOfComing)).toList(), false));
    }

    private static TodoList list(String key, String titleKey, String icon, List<Task> tasks, boolean urgent) {
        return new TodoList(key, titleKey, icon, tasks.stream()
                .map(t -> TodoItem.of(t.title(), "/tasks/" + t.id(), t.dueAt())).toList(), urgent);
    }
}
