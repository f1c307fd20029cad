package io.haina.crm.platform.activity.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.activity.Task;
import io.haina.crm.platform.activity.TaskDraft;
import io.haina.crm.platform.activity.Tasks;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.platform.web.ShellFactory;
import jakarta.servlet.http.HttpServletResponse;

/** Tasks (S11): the user's list (open or done), a form to give one, to change one, to tick one off. */
@Controller
@RequestMapping("/tasks")
class TaskController {

    static final String LIST = "activity/tasks";
    static final String FORM = "activity/task-form";
    static final int SHOWN = 200;

    private final Tasks tasks;
    private final CurrentUsers users;
    private final Organization organization;
    private final RecordService records;
    private final RecordFinder finder;
    private final TimelineViews views;

    TaskController(Tasks tasks, CurrentUsers users, Organization organization, RecordService records, RecordFinder finder,
                   TimelineViews views) {
        this.tasks = tasks;
        this.users = users;
        this.organization = organization;
        this.records = records;
        this.finder = finder;
        this.views = views;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean done, Messages msg, Model model) {
        CurrentUser me = users.require();
        var shown = tasks.involving(me.id(), done, SHOWN);
        Map<Long, String> names = new LinkedHashMap<>();
        shown.forEach(t -> names.computeIfAbsent(t.assigneeId(), id -> organization.displayNameOf(id).orElse("#" + id)));
        model.addAttribute("tasks", shown);
        model.addAttribute("done", done);
        model.addAttribute("names", names);
        model.addAttribute("me", me.id());
        model.addAttribute("time", views.time(me, msg));
        return LIST;
    }

    /** A new task; {@code object} and {@code record} tie it to a record (the record page's "new task"). */
    @GetMapping("/new")
    String newForm(@RequestParam(required = false) String object, @RequestParam(required = false) String record,
                   Model model) {
        CurrentUser me = users.require();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("remindBefore", String.valueOf(Tasks.DEFAULT_REMINDER));
        values.put("priority", "normal");
        values.put("assigneeId", String.valueOf(me.id()));
        values.put("objectCode", object == null ? "" : object);
        values.put("recordId", record == null ? "" : record);
        return form(model, me, null, values, FormErrors.none());
    }

    @PostMapping
    String create(@RequestParam Map<String, String> params, Messages msg, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        CurrentUser me = users.require();
        try {
            Task task = tasks.create(me.id(), draft(params), me.timeZone());
            redirect.addFlashAttribute(ShellFactory.NOTICE, "task.saved");
            return "redirect:" + (task.aboutRecord() ? "/o/" + task.objectCode() + "/" + task.recordId() : "/tasks");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, me, null, params, FormErrors.of(e, msg));
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Messages msg, Model model) {
        CurrentUser me = users.require();
        Task task = tasks.find(me.id(), id);
        return form(model, me, task, values(task, views.time(me, msg)), FormErrors.none());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> params, Messages msg,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = users.require();
        Task task = tasks.find(me.id(), id);
        try {
            tasks.update(me.id(), id, version, draft(params), me.timeZone());
            redirect.addFlashAttribute(ShellFactory.NOTICE, "task.saved");
            return "redirect:/tasks";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, me, task, params, FormErrors.of(e, msg));
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(model, me, task, params, FormErrors.of(e, null, msg));
        }
    }

    /** Ticks a task off (or opens it again) and goes back where the user was. */
    @PostMapping("/{id}/done")
    String done(@PathVariable long id, @RequestParam(defaultValue = "true") boolean done,
                @RequestParam(defaultValue = "/tasks") String back, RedirectAttributes redirect) {
        tasks.setDone(users.require().id(), id, done);
        redirect.addFlashAttribute(ShellFactory.NOTICE, done ? "task.done" : "task.reopened");
        // Only paths of this site: "back" comes from the page's own form.
        return "redirect:" + (back.startsWith("/") && !back.startsWith("//") ? back : "/tasks");
    }

    private String form(Model model, CurrentUser me, Task task, Map<String, String> values, FormErrors errors) {
        model.addAttribute("form", new TaskForm(task, task == null || task.changeableBy(me.id()) && !task.cancelled(), values, errors,
                organization.activeUsers(), recordName(me, values)));
        return FORM;
    }

    private String recordName(CurrentUser me, Map<String, String> values) {
        String object = values.getOrDefault("objectCode", "");
        String id = values.getOrDefault("recordId", "");
        if (object.isBlank() || !id.matches("\\d{1,18}")) {
            return null;
        }
        try {
            var record = records.read(me.id(), object, Long.parseLong(id));
            return String.valueOf(record.get(finder.describe(me.id(), object).nameField()));
        } catch (NotFoundException | org.springframework.security.access.AccessDeniedException e) {
            return null;
        }
    }

    private static Map<String, String> values(Task task, TimeText time) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", task.title());
        values.put("description", task.description() == null ? "" : task.description());
        values.put("dueAt", time.input(task.dueAt()));
        values.put("remindBefore", task.remindAt() == null ? Tasks.NO_REMINDER
                : String.valueOf(Duration.between(task.remindAt(), task.dueAt()).toMinutes()));
        values.put("assigneeId", String.valueOf(task.assigneeId()));
        values.put("priority", task.priority().code());
        values.put("objectCode", task.objectCode() == null ? "" : task.objectCode());
        values.put("recordId", task.recordId() == null ? "" : String.valueOf(task.recordId()));
        return values;
    }

    static TaskDraft draft(Map<String, String> params) {
        return new TaskDraft(params.get("title"), params.get("description"), params.get("dueAt"), params.get("remindBefore"),
                params.get("assigneeId"), params.get("priority"), params.get("objectCode"), params.get("recordId"));
    }
}
