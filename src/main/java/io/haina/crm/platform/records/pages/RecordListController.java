package io.haina.crm.platform.records.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.BulkChanges;
import io.haina.crm.platform.records.LookupIds;
import io.haina.crm.platform.records.LookupTargets;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordPage;
import io.haina.crm.platform.records.SystemFields;
import io.haina.crm.platform.records.filter.Filter;
import io.haina.crm.platform.records.filter.FilterParser;
import io.haina.crm.platform.records.filter.Operator;
import io.haina.crm.platform.records.views.ListView;
import io.haina.crm.platform.records.views.ListViews;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.RoleDirectory;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;

/**
 * The list page of any object ({@code /o/{object}}): scenes and saved views, quick search, the
 * filter builder, column picker, sort and paging, all kept in the URL.
 */
@Controller
@RequestMapping(RecordPagesController.PATH + "/{object}")
class RecordListController {

    private final RecordFinder finder;
    private final ListViews views;
    private final CurrentUsers users;
    private final Permissions permissions;
    private final Organization organization;
    private final RoleDirectory roles;
    private final BulkChanges bulk;
    private final LookupTargets lookups;
    private final List<io.haina.crm.platform.records.RowActionSource> rowActions;
    private final List<io.haina.crm.platform.records.ListActionSource> listActions;

    RecordListController(RecordFinder finder, ListViews views, CurrentUsers users, Permissions permissions,
                         Organization organization, RoleDirectory roles, BulkChanges bulk, LookupTargets lookups,
                         org.springframework.beans.factory.ObjectProvider<io.haina.crm.platform.records.RowActionSource> rowActions,
                         org.springframework.beans.factory.ObjectProvider<io.haina.crm.platform.records.ListActionSource> listActions) {
        this.bulk = bulk;
        this.listActions = listActions.orderedStream().toList();
        this.rowActions = rowActions.orderedStream().toList();
        this.lookups = lookups;
        this.finder = finder;
        this.views = views;
        this.users = users;
        this.permissions = permissions;
        this.organization = organization;
        this.roles = roles;
    }

    @GetMapping
    String list(@PathVariable String object, @RequestParam MultiValueMap<String, String> params, Messages msg,
                Model model) {
        CurrentUser me = users.require();
        ObjectDef def = finder.describe(me.id(), object);
        String base = RecordPagesController.PATH + "/" + object;
        ListView view = params.containsKey("view") ? views.find(me.id(), object, viewId(params.getFirst("view"))) : null;
        ListState state = ListState.of(params, view);
        if (FilterRows.submitted(params)) {
            // The builder was applied: its rows become filter text, and the list a plain URL again.
            Filter built = FilterRows.from(params).toFilter();
            return "redirect:" + state.withFilter(built == null ? "" : built.toString()).url(base);
        }
        String cursor = params.getFirst("cursor");
        RecordPage page;
        String filterError = null;
        try {
            // The page does not wait for its total: the total arrives by itself (see count below).
            page = finder.list(me.id(), object, state.request(cursor).withoutTotal());
        } catch (InvalidInputException e) {
            // A filter or sort that does not fit: show why, with an empty list the user can fix from.
            filterError = FormErrors.of(e, msg).summary();
            page = new RecordPage(List.of(), null, 0, false);
        }
        Map<Long, String> userNames = organization.activeUsers();
        FilterRows filterRows = rows(state.filter());
        // The names of every lookup the page shows, in its cells and its filter, one query per target object.
        LookupIds shown = new LookupIds().addAll(def, page.items());
        if (filterRows != null) {
            filterRows.rows().forEach(r -> r.lookupIds(fields(def), shown));
        }
        FieldDisplay display = new FieldDisplay(msg, me.timeZone()).withUsers(userNames)
                .withLookups(lookups.names(me.id(), shown));
        model.addAttribute("view", new ListPage(def, base, state, page, cursor == null || cursor.isBlank(),
                columns(def, state.columns()), fields(def), views.visibleTo(me.id(), object), view,
                state.differsFrom(view), view != null && views.mayManage(me.id(), view), filterRows,
                filterError, userNames, permissions.isAdministrator(me.id()) ? roles.roleNames(msg) : Map.of(),
                permissions.isAdministrator(me.id()), permissions.can(me.id(), object, ObjectAction.CREATE),
                permissions.can(me.id(), object, ObjectAction.IMPORT), permissions.can(me.id(), object, ObjectAction.EXPORT),
                permissions.can(me.id(), object, ObjectAction.EDIT), permissions.can(me.id(), object, ObjectAction.TRANSFER),
                permissions.can(me.id(), object, ObjectAction.DELETE), display,
                listActions.stream().flatMap(source -> source.actionsFor(me.id(), def).stream()).toList()));
        model.addAttribute("rowActions", rowActions.stream().flatMap(source -> source.actionsFor(me.id(), def).stream()).toList());
        return "records/list";
    }

    /** The list's total, fetched by the page once it is shown ("1,234 in all", "10,000+"). */
    @GetMapping("/count")
    String count(@PathVariable String object, @RequestParam MultiValueMap<String, String> params, Model model) {
        CurrentUser me = users.require();
        ListView view = params.containsKey("view") ? views.find(me.id(), object, viewId(params.getFirst("view"))) : null;
        model.addAttribute("counted", finder.count(me.id(), object, ListState.of(params, view).request(null)));
        return "records/total";
    }

    /** One builder row, re-drawn when its field or operator changes, or added blank. */
    @GetMapping("/filter-row")
    String filterRow(@PathVariable String object, @RequestParam MultiValueMap<String, String> params,
                     @RequestParam(required = false) Integer row, Messages msg, Model model) {
        CurrentUser me = users.require();
        ObjectDef def = finder.describe(me.id(), object);
        FilterRows submitted = FilterRows.from(params);
        FilterRows.Row shown;
        if (row == null) {
            FieldDef first = def.field(def.nameField()).orElseThrow();
            shown = new FilterRows.Row(submitted.nextIndex(), first.name(), Operator.forType(first.type()).getFirst(), List.of());
        } else {
            String field = params.getFirst("f" + row + ".field");
            FieldDef chosen = SystemFields.find(def, field == null ? "" : field).orElse(def.field(def.nameField()).orElseThrow());
            Operator op = Operator.byWord(String.valueOf(params.getFirst("f" + row + ".op")))
                    .filter(o -> Operator.forType(chosen.type()).contains(o)).orElse(Operator.forType(chosen.type()).getFirst());
            // The values typed so far stay when only the operator changed and still takes the same kind of value.
            List<String> kept = submitted.rows().stream().filter(r -> r.index() == row && r.field().equals(chosen.name()))
                    .findFirst().map(FilterRows.Row::values).orElse(List.of());
            shown = new FilterRows.Row(row, chosen.name(), op, kept);
        }
        Map<Long, String> userNames = organization.activeUsers();
        model.addAttribute("row", shown);
        model.addAttribute("fields", fields(def));
        model.addAttribute("users", userNames);
        model.addAttribute("display", new FieldDisplay(msg, me.timeZone()).withUsers(userNames)
                .withLookups(lookups.names(me.id(), shown.lookupIds(fields(def), new LookupIds()))));
        model.addAttribute("base", RecordPagesController.PATH + "/" + object);
        return "records/filter-row";
    }

    /**
     * A change to the records ticked on a list: a new owner, one field set to a value, or the
     * recycle bin. All or nothing; back to the same list with a notice or the reason.
     */
    @PostMapping("/bulk")
    String bulk(@PathVariable String object, @RequestParam(required = false) List<Long> ids,
                @RequestParam(defaultValue = "") String action, @RequestParam(required = false) Long ownerId,
                @RequestParam(required = false) String field, @RequestParam(required = false) String value,
                @RequestParam(defaultValue = "") String back, Messages msg, RedirectAttributes redirect) {
        CurrentUser me = users.require();
        String list = back.startsWith(RecordPagesController.PATH + "/" + object) && !back.contains("//")
                ? back : RecordPagesController.PATH + "/" + object;
        List<Long> chosen = ids == null ? List.of() : ids;
        try {
            switch (action) {
                case "owner" -> bulk.transfer(me.id(), object, chosen, ownerId == null ? 0 : ownerId);
                case "field" -> bulk.set(me.id(), object, chosen, field == null ? "" : field, value);
                case "delete" -> bulk.delete(me.id(), object, chosen);
                default -> throw InvalidInputException.of("action", "bulk.error.action");
            }
            redirect.addFlashAttribute(ShellFactory.NOTICE, "bulk.done." + action);
        } catch (InvalidInputException e) {
            ObjectDef def = finder.describe(me.id(), object);
            redirect.addFlashAttribute(ShellFactory.PROBLEM, e.problems().stream().map(p -> {
                String text = msg.t(p.messageKey(), p.args());
                return p.field() == null ? text : SystemFields.find(def, p.field())
                        .map(f -> msg.t(f.labelKey()) + msg.t("bulk.field-separator") + text).orElse(text);
            }).collect(java.util.stream.Collectors.joining(" ")));
        }
        return "redirect:" + list;
    }

    /** What a removed builder row is replaced with: nothing. */
    @GetMapping("/filter-row/removed")
    @org.springframework.web.bind.annotation.ResponseBody
    String filterRowRemoved() {
        return "";
    }

    /** The chosen columns the reader may see, the name first; the object's defaults when none are chosen. */
    static List<FieldDef> columns(ObjectDef def, List<String> chosen) {
        List<String> names = chosen.isEmpty() ? def.defaultColumns() : chosen;
        List<FieldDef> columns = new ArrayList<>();
        columns.add(def.field(def.nameField()).orElseThrow());
        names.stream().filter(n -> !n.equals(def.nameField())).map(n -> SystemFields.find(def, n))
                .flatMap(java.util.Optional::stream).forEach(columns::add);
        return columns;
    }

    /** Every field the reader may filter and show: the object's own, then the bookkeeping ones. */
    static List<FieldDef> fields(ObjectDef def) {
        List<FieldDef> fields = new ArrayList<>(def.fields());
        fields.addAll(SystemFields.ALL);
        return fields;
    }

    private static FilterRows rows(String filter) {
        try {
            return FilterRows.of(FilterParser.parse(filter)).orElse(null);
        } catch (InvalidInputException unreadable) {
            return null;
        }
    }

    private static long viewId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("view", "view.error.not-found");
        }
    }
}
