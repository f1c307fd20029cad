package io.haina.crm.platform.records.pages;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.files.FileUploads;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.EntryChannel;
import io.haina.crm.platform.records.LookupIds;
import io.haina.crm.platform.records.LookupTargets;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.ReadableHistory;
import io.haina.crm.platform.records.RecordFiles;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.RecordTabSource;
import io.haina.crm.platform.records.RelatedRecords;
import io.haina.crm.platform.records.StaleRecordException;
import io.haina.crm.platform.records.SystemFields;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages every object gets from its declaration: a list (quick search, sort by column, page
 * by page), a detail page with the record's history, and a form with a widget per field type.
 * All reads and writes go through {@link RecordService} and {@link RecordFinder}.
 */
@Controller
@RequestMapping(RecordPagesController.PATH + "/{object}")
class RecordPagesController {

    static final String PATH = "/o";

    private final RecordService records;
    private final RecordFinder finder;
    private final CurrentUsers users;
    private final Permissions permissions;
    private final Organization organization;
    private final LookupTargets lookups;
    private final RelatedRecords related;
    private final List<RecordTabSource> tabs;
    private final ReadableHistory history;
    private final RecordFiles files;
    private final FileUploads uploads;

    private final java.util.List<io.haina.crm.platform.records.RecordActionSource> actionSources;

    RecordPagesController(RecordService records, RecordFinder finder, CurrentUsers users, Permissions permissions,
                          Organization organization, LookupTargets lookups, RelatedRecords related,
                          java.util.List<io.haina.crm.platform.records.RecordActionSource> actionSources,
                          ObjectProvider<RecordTabSource> tabs, ReadableHistory history, RecordFiles files,
                          FileUploads uploads) {
        this.history = history;
        this.files = files;
        this.uploads = uploads;
        this.actionSources = actionSources;
        this.tabs = tabs.orderedStream().toList();
        this.lookups = lookups;
        this.related = related;
        this.records = records;
        this.finder = finder;
        this.users = users;
        this.permissions = permissions;
        this.organization = organization;
    }

    /**
     * The form for a new record. Parameters named after fields fill them in: a related list's
     * "new" link passes the lookup to the record it was opened from ({@code ?customer_id=12}).
     */
    @GetMapping("/new")
    String newForm(@PathVariable String object, @RequestParam MultiValueMap<String, String> params, Messages msg,
                   Model model) {
        CurrentUser me = users.require();
        permissions.require(me.id(), object, ObjectAction.CREATE);
        ObjectDef def = object(me, object);
        Map<String, String> defaults = new LinkedHashMap<>();
        def.fields().forEach(f -> defaults.put(f.name(), f.defaultInput() == null ? "" : f.defaultInput()));
        defaults.putAll(input(def, params));
        return form(model, def, null, defaults, FormErrors.none(), msg, me);
    }

    @PostMapping
    String create(@PathVariable String object, @RequestParam MultiValueMap<String, String> params,
                  @RequestParam MultiValueMap<String, MultipartFile> chosenFiles, Messages msg,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = users.require();
        ObjectDef def = object(me, object);
        Map<String, String> input = input(def, params);
        try {
            keepUploads(me, def, input, chosenFiles);
            RecordData created = records.create(me.id(), object, input, EntryChannel.BY_HAND);
            // An assignment rule may have handed the new record to someone whose records the creator does not see.
            if (finder.visibleByIds(me.id(), object, List.of(created.id())).isEmpty()) {
                redirect.addFlashAttribute(ShellFactory.NOTICE, "record.created-handed-on");
                return "redirect:" + PATH + "/" + object;
            }
            redirect.addFlashAttribute(ShellFactory.NOTICE, "record.created");
            return "redirect:" + PATH + "/" + object + "/" + created.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, def, null, input, FormErrors.of(e, msg), msg, me);
        }
    }

    /** The history tab shows this many latest changes; the timeline pages further back. */
    private static final int HISTORY_SHOWN = 200;

    @GetMapping("/{id}")
    String detail(@PathVariable String object, @PathVariable long id, Messages msg, Model model) {
        CurrentUser me = users.require();
        RecordData record = records.read(me.id(), object, id);
        var team = records.team(me.id(), object, id);
        Map<Long, String> activeUsers = organization.activeUsers();
        Map<Long, String> names = new LinkedHashMap<>(activeUsers);
        java.util.stream.Stream.concat(team.stream().map(m -> m.userId()), java.util.stream.Stream.ofNullable(record.ownerId()))
                .distinct().forEach(user -> names.computeIfAbsent(user, u -> organization.displayNameOf(u).orElse("#" + u)));
        ObjectDef def = object(me, object);
        LookupIds shown = new LookupIds().addAll(def, List.of(record));
        model.addAttribute("object", def);
        model.addAttribute("team", team);
        model.addAttribute("mayShare", records.mayManageTeam(me.id(), object, id));
        model.addAttribute("users", activeUsers);
        model.addAttribute("record", record);
        model.addAttribute("history", history.latest(me.id(), object, id, HISTORY_SHOWN, msg, me.timeZone()));
        model.addAttribute("names", names);
        model.addAttribute("display", display(msg, me.timeZone()).withUsers(names).withLookups(lookups.names(me.id(), shown))
                .withFiles(files.of(def, List.of(record))));
        boolean reachable = records.mayChange(me.id(), object, id);
        model.addAttribute("canEdit", reachable && permissions.can(me.id(), object, ObjectAction.EDIT));
        model.addAttribute("canDelete", reachable && permissions.can(me.id(), object, ObjectAction.DELETE));
        model.addAttribute("related", related.lists(me.id(), object));
        model.addAttribute("actions", actionSources.stream().flatMap(source -> source.actionsFor(me.id(), record).stream()).toList());
        model.addAttribute("tabs", tabs.stream().flatMap(source -> source.tabsFor(me.id(), def).stream()).toList());
        return "records/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable String object, @PathVariable long id, Messages msg, Model model) {
        CurrentUser me = users.require();
        permissions.require(me.id(), object, ObjectAction.EDIT);
        RecordData record = records.read(me.id(), object, id);
        return form(model, object(me, object), record, asInput(object(me, object), record, msg, me), FormErrors.none(), msg, me);
    }

    @PostMapping("/{id}")
    String update(@PathVariable String object, @PathVariable long id, @RequestParam int version,
                  @RequestParam MultiValueMap<String, String> params,
                  @RequestParam MultiValueMap<String, MultipartFile> chosenFiles, Messages msg, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = users.require();
        ObjectDef def = object(me, object);
        Map<String, String> input = input(def, params);
        try {
            keepUploads(me, def, input, chosenFiles);
            records.update(me.id(), object, id, version, input);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "record.saved");
            return "redirect:" + PATH + "/" + object + "/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, def, records.read(me.id(), object, id), input, FormErrors.of(e, msg), msg, me);
        } catch (StaleRecordException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            FieldDisplay display = display(msg, me.timeZone());
            // Each change as the history tab shows it (¥5,200.00, a picklist's label), in the reader's punctuation.
            String changes = e.changes().stream().map(c -> def.field(c.field())
                            .map(field -> msg.t("record.stale-change", display.label(field),
                                    display.showChange(field, c.from()), display.showChange(field, c.to())))
                            .orElse(c.field()))
                    .collect(Collectors.joining(msg.t("record.stale-change-separator")));
            var problem = InvalidInputException.of(null, "record.error.stale-with-changes", e.args()[0], changes);
            model.addAttribute("staleVersion", version);
            return form(model, def, records.read(me.id(), object, id), input, FormErrors.of(problem, msg), msg, me);
        }
    }

    /** Adds someone to the record's team, or changes their access. */
    @PostMapping("/{id}/team")
    String share(@PathVariable String object, @PathVariable long id, @RequestParam(required = false) Long userId,
                 @RequestParam(defaultValue = "READ") String access,
                 @RequestParam(required = false) java.time.LocalDate expiresOn, RedirectAttributes redirect) {
        CurrentUser me = users.require();
        if (userId == null) {
            throw InvalidInputException.of("userId", "validation.required");
        }
        records.shareWith(me.id(), object, id, userId, "EDIT".equals(access),
                expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(me.timeZone()).toOffsetDateTime());
        redirect.addFlashAttribute(ShellFactory.NOTICE, "record.team-saved");
        return "redirect:" + PATH + "/" + object + "/" + id + "#tab-team";
    }

    @PostMapping("/{id}/team/{userId}/remove")
    String unshare(@PathVariable String object, @PathVariable long id, @PathVariable long userId,
                   RedirectAttributes redirect) {
        records.unshare(users.require().id(), object, id, userId);
        redirect.addFlashAttribute(ShellFactory.NOTICE, "record.team-removed");
        return "redirect:" + PATH + "/" + object + "/" + id + "#tab-team";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String object, @PathVariable long id, RedirectAttributes redirect) {
        records.delete(users.require().id(), object, id);
        redirect.addFlashAttribute(ShellFactory.NOTICE, "record.deleted");
        return "redirect:" + PATH + "/" + object;
    }

    private String form(Model model, ObjectDef def, RecordData record, Map<String, String> values, FormErrors errors,
                        Messages msg, CurrentUser me) {
        model.addAttribute("object", def);
        model.addAttribute("record", record);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        LookupIds chosen = new LookupIds();
        def.fields().forEach(field -> chosen.add(field, values.get(field.name())));
        List<Long> fileIds = def.fields().stream().filter(f -> f.type() instanceof FieldType.Attachment)
                .flatMap(f -> RecordFiles.idsOf(values.get(f.name())).stream()).toList();
        model.addAttribute("display", display(msg, me.timeZone()).withLookups(lookups.names(me.id(), chosen))
                .withFiles(files.forForm(me.id(), def.code(), record == null ? null : record.id(), fileIds)));
        model.addAttribute("maxFileBytes", files.maxBytes());
        model.addAttribute("maxFileSize", files.maxSizeText());
        if (!model.containsAttribute("staleVersion")) {
            model.addAttribute("staleVersion", null);
        }
        return "records/form";
    }

    /**
     * The declared fields of a submitted form: several values (multi-select, the files kept in an
     * attachment field but those ticked to remove) joined; for a checkbox the last one wins.
     */
    static Map<String, String> input(ObjectDef def, MultiValueMap<String, String> params) {
        Map<String, String> input = new LinkedHashMap<>();
        for (FieldDef field : def.fields()) {
            List<String> values = params.get(field.name());
            if (field.type() instanceof FieldType.AutoNumber || values == null) {
                continue;
            }
            List<String> removed = params.getOrDefault(field.name() + REMOVE, List.of());
            input.put(field.name(), field.type() instanceof FieldType.MultiPicklist || field.type() instanceof FieldType.Attachment
                    ? values.stream().filter(v -> !v.isBlank() && !removed.contains(v)).collect(Collectors.joining(","))
                    : values.getLast());
        }
        return input;
    }

    /** The suffix of an attachment field's file input, and of the boxes ticked to remove a file it holds. */
    static final String CHOSEN = ".files";
    static final String REMOVE = ".remove";

    /**
     * Keeps the files chosen in the form's attachment fields as the user's uploads and adds them to
     * the fields' input; refused ones are said at their field, the kept ones stay in the form sent back.
     */
    private void keepUploads(CurrentUser me, ObjectDef def, Map<String, String> input, MultiValueMap<String, MultipartFile> chosen) {
        List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        for (FieldDef field : def.fields()) {
            if (field.type() instanceof FieldType.Attachment && field.access().editable() && chosen.containsKey(field.name() + CHOSEN)) {
                FileUploads.Kept kept = uploads.keep(me.id(), field.name(), chosen.get(field.name() + CHOSEN));
                if (!kept.files().isEmpty()) {
                    String before = input.getOrDefault(field.name(), "");
                    input.put(field.name(), (before.isBlank() ? "" : before + ",")
                            + kept.ids().stream().map(String::valueOf).collect(Collectors.joining(",")));
                }
                problems.addAll(kept.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Map<String, String> asInput(ObjectDef def, RecordData record, Messages msg, CurrentUser me) {
        FieldDisplay display = new FieldDisplay(msg, me.timeZone());
        Map<String, String> values = new LinkedHashMap<>();
        def.fields().forEach(f -> values.put(f.name(), display.input(f, record.get(f.name()))));
        return values;
    }

    private static FieldDisplay display(Messages msg, ZoneId zone) {
        return new FieldDisplay(msg, zone);
    }

    /** The object as this user may see it (fields their roles hide are not in it). */
    private ObjectDef object(CurrentUser me, String code) {
        return finder.describe(me.id(), code);
    }
}
