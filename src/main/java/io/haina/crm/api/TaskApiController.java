package io.haina.crm.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.activity.Task;
import io.haina.crm.platform.activity.TaskDraft;
import io.haina.crm.platform.activity.Tasks;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Tasks, {@code /api/v1/tasks}: the caller's (as assignee or as the one who asked), open or
 * {@code done=true}; create, read, change with the {@code version} read, mark done. A task about a
 * record is readable by whoever may read the record. Times are ISO-8601; without an offset they
 * are in the caller's time zone. {@code remindBefore} is minutes before the due time, or "none".
 */
@RestController
@Tag(name = "Tasks")
@RequestMapping("/api/v1/tasks")
class TaskApiController {

    private final Tasks tasks;
    private final CurrentUsers users;

    TaskApiController(Tasks tasks, CurrentUsers users) {
        this.tasks = tasks;
        this.users = users;
    }

    record TaskView(long id, String title, String description, OffsetDateTime dueAt, OffsetDateTime remindAt,
                    String priority, String status, long assigneeId, String object, Long recordId, long createdBy,
                    OffsetDateTime createdAt, OffsetDateTime doneAt, int version) {
    }

    record TaskList(List<TaskView> items) {
    }

    @GetMapping
    TaskList list(@RequestParam(defaultValue = "false") boolean done, @RequestParam(defaultValue = "100") int limit) {
        return new TaskList(tasks.involving(me().id(), done, Math.clamp(limit, 1, 500)).stream().map(TaskApiController::view).toList());
    }

    /** Body: {@code {"title":"…","dueAt":"…","remindBefore":15,"assigneeId":3,"priority":"high","object":"customer","recordId":9}}. */
    @PostMapping
    ResponseEntity<TaskView> create(@RequestBody JsonNode body) {
        CurrentUser me = me();
        Task task = tasks.create(me.id(), draft(body), me.timeZone());
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).body(view(task));
    }

    @GetMapping("/{id}")
    TaskView read(@PathVariable long id) {
        return view(tasks.find(me().id(), id));
    }

    /** The whole task as it should be, with the {@code version} read (409 if it changed meanwhile). */
    @PatchMapping("/{id}")
    TaskView update(@PathVariable long id, @RequestBody JsonNode body) {
        CurrentUser me = me();
        JsonNode version = body == null ? null : body.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw InvalidInputException.of("version", "api.error.version-required");
        }
        return view(tasks.update(me.id(), id, version.asInt(), draft(body), me.timeZone()));
    }

    /** Body: {@code {"done": true}} (the default) or {@code false} to open it again. */
    @PostMapping("/{id}/done")
    TaskView done(@PathVariable long id, @RequestBody(required = false) JsonNode body) {
        return view(tasks.setDone(me().id(), id, body == null || body.path("done").asBoolean(true)));
    }

    private static TaskDraft draft(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of(null, "api.error.object-expected");
        }
        return new TaskDraft(JsonInput.scalar(body, "title"), JsonInput.scalar(body, "description"), JsonInput.scalar(body, "dueAt"), JsonInput.scalar(body, "remindBefore"),
                JsonInput.scalar(body, "assigneeId"), JsonInput.scalar(body, "priority"), JsonInput.scalar(body, "object"), JsonInput.scalar(body, "recordId"));
    }

    private static TaskView view(Task t) {
        return new TaskView(t.id(), t.title(), t.description(), t.dueAt(), t.remindAt(), t.priority().code(),
                t.done() ? "done" : t.cancelled() ? "cancelled" : "open", t.assigneeId(), t.objectCode(), t.recordId(), t.createdBy(), t.createdAt(),
                t.doneAt(), t.version());
    }

    private CurrentUser me() {
        return users.require();
    }
}
