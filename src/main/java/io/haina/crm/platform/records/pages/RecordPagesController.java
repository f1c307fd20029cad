package io.haina.crm.platform.records.pages;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.StaleRecordException;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NotFoundException;
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

    private final ObjectRegistry objects;
    private final RecordService records;
    private final RecordFinder finder;
    private final CurrentUsers users;
    private final Permissions permissions;
    private final Organization organization;

    RecordPagesController(ObjectRegistry objects, RecordService records, RecordFinder finder, CurrentUsers users,
                          Permissions permissions, Organization organization) {
        this.objects = objects;
        this.records = records;
        this.finder = finder;
        this.users = users;
        this.permissions = permissions;
        this.organization = organization;
    }

    @GetMapping
    String list(@PathVariable String object, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                Messages msg, Model model) {
        CurrentUser me = users.require();
        var page = finder.list(me.id(), object, new RecordListRequest(q, sort, cursor, RecordListRequest.DEFAULT_LIMIT));
        ObjectDef def = object(object);
        model.addAttribute("object", def);
        model.addAttribute("columns", def.defaultColumns().stream().map(c -> def.field(c).orElseThrow()).toList());
        model.addAttribute("page", page);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("sort", sort == null ? "" : sort);
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        model.addAttribute("display", display(msg, me.timeZone()));
        model.addAttribute("canCreate", permissions.can(me.id(), object, ObjectAction.CREATE));
        model.addAttribute("canImport", permissions.can(me.id(), object, ObjectAction.IMPORT));
        model.addAttribute("canExport", permissions.can(me.id(), object, ObjectAction.EXPORT));
        return "records/list";
    }

    @GetMapping("/new")
    String newForm(@PathVariable String object, Messages msg, Model model) {
        CurrentUser me = users.require();
        permissions.require(me.id(), object, ObjectAction.CREATE);
        ObjectDef def = object(object);
        Map<String, String> defaults = new LinkedHashMap<>();
        def.fields().forEach(f -> defaults.put(f.name(), f.defaultInput() == null ? "" : f.defaultInput()));
        return form(model, def, null, defaults, FormErrors.none(), msg, me);
    }

    @PostMapping
    String create(@PathVariable String object, @RequestParam MultiValueMap<String, String> params, Messages msg,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = users.require();
        ObjectDef def = object(object);
        Map<String, String> input = input(def, params);
        try {
            RecordData created = records.create(me.id(), object, input);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "record.created");
            return "redirect:" + PATH + "/" + object + "/" + created.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, def, null, input, FormErrors.of(e, msg), msg, me);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String object, @PathVariable long id, Messages msg, Model model) {
        CurrentUser me = users.require();
        RecordData record = records.read(me.id(), object, id);
        var history = records.history(me.id(), object, id);
        Map<Long, String> names = history.stream().map(h -> h.by()).filter(java.util.Objects::nonNull).distinct()
                .collect(Collectors.toMap(by -> by, by -> organization.displayNameOf(by).orElse("#" + by)));
        names.putIfAbsent(record.ownerId(), organization.displayNameOf(record.ownerId()).orElse("#" + record.ownerId()));
        model.addAttribute("object", object(object));
        model.addAttribute("record", record);
        model.addAttribute("history", history);
        model.addAttribute("names", names);
        model.addAttribute("display", display(msg, me.timeZone()));
        model.addAttribute("canEdit", permissions.can(me.id(), object, ObjectAction.EDIT));
        model.addAttribute("canDelete", permissions.can(me.id(), object, ObjectAction.DELETE));
        return "records/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable String object, @PathVariable long id, Messages msg, Model model) {
        CurrentUser me = users.require();
        permissions.require(me.id(), object, ObjectAction.EDIT);
        RecordData record = records.read(me.id(), object, id);
        return form(model, object(object), record, asInput(object(object), record, msg, me), FormErrors.none(), msg, me);
    }

    @PostMapping("/{id}")
    String update(@PathVariable String object, @PathVariable long id, @RequestParam int version,
                  @RequestParam MultiValueMap<String, String> params, Messages msg, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = users.require();
        ObjectDef def = object(object);
        Map<String, String> input = input(def, params);
        try {
            records.update(me.id(), object, id, version, input);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "record.saved");
            return "redirect:" + PATH + "/" + object + "/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, def, records.read(me.id(), object, id), input, FormErrors.of(e, msg), msg, me);
        } catch (StaleRecordException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            FieldDisplay display = display(msg, me.timeZone());
            String changes = e.changes().stream().map(c -> def.field(c.field()).map(display::label).orElse(c.field()) + ": "
                    + (c.from() == null ? "—" : c.from()) + " → " + (c.to() == null ? "—" : c.to()))
                    .collect(Collectors.joining("; "));
            var problem = InvalidInputException.of(null, "record.error.stale-with-changes", e.args()[0], changes);
            model.addAttribute("staleVersion", version);
            return form(model, def, records.read(me.id(), object, id), input, FormErrors.of(problem, msg), msg, me);
        }
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
        model.addAttribute("display", display(msg, me.timeZone()));
        if (!model.containsAttribute("staleVersion")) {
            model.addAttribute("staleVersion", null);
        }
        return "records/form";
    }

    /** The declared fields of a submitted form: several values (multi-select) joined; for a checkbox the last one wins. */
    private static Map<String, String> input(ObjectDef def, MultiValueMap<String, String> params) {
        Map<String, String> input = new LinkedHashMap<>();
        for (FieldDef field : def.fields()) {
            List<String> values = params.get(field.name());
            if (field.type() instanceof FieldType.AutoNumber || values == null) {
                continue;
            }
            input.put(field.name(), field.type() instanceof FieldType.MultiPicklist
                    ? values.stream().filter(v -> !v.isBlank()).collect(Collectors.joining(",")) : values.getLast());
        }
        return input;
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

    private ObjectDef object(String code) {
        return objects.find(code).orElseThrow(() -> new NotFoundException("object " + code));
    }
}
