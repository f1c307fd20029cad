package io.haina.crm.platform.records.pages;

import java.util.List;
import java.util.Set;

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

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.views.ListView;
import io.haina.crm.platform.records.views.ListViewInput;
import io.haina.crm.platform.records.views.ListViews;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.RoleDirectory;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Saving a list as a view: a small form (name, with whom to share) that carries the list's state,
 * whether it makes a new view or saves the state into an existing one. Works without JavaScript.
 */
@Controller
@RequestMapping(RecordPagesController.PATH + "/{object}/views")
class ListViewController {

    private final ListViews views;
    private final RecordFinder finder;
    private final CurrentUsers users;
    private final Permissions permissions;
    private final RoleDirectory roles;

    ListViewController(ListViews views, RecordFinder finder, CurrentUsers users, Permissions permissions,
                       RoleDirectory roles) {
        this.views = views;
        this.finder = finder;
        this.users = users;
        this.permissions = permissions;
        this.roles = roles;
    }

    /** The form for a new view of the list state in the parameters. */
    @GetMapping("/new")
    String newForm(@PathVariable String object, @RequestParam MultiValueMap<String, String> params, Messages msg,
                   Model model) {
        CurrentUser me = users.require();
        ListState state = ListState.of(params, null);
        return form(model, me, object, null, state, "", ListView.Sharing.PERSONAL, Set.of(), FormErrors.none(), msg);
    }

    /** The form for an existing view, carrying the list state to save into it. */
    @GetMapping("/{id}/edit")
    String editForm(@PathVariable String object, @PathVariable long id,
                    @RequestParam MultiValueMap<String, String> params, Messages msg, Model model) {
        CurrentUser me = users.require();
        ListView view = views.find(me.id(), object, id);
        ListState state = ListState.of(params, view);
        return form(model, me, object, view, state, view.name(), view.sharing(), view.roleIds(), FormErrors.none(), msg);
    }

    @PostMapping
    String create(@PathVariable String object, @RequestParam MultiValueMap<String, String> params, Messages msg,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = users.require();
        ListState state = ListState.of(params, null);
        ListViewInput input = input(params, state);
        try {
            ListView saved = views.create(me.id(), object, input);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "view.saved");
            return "redirect:" + RecordPagesController.PATH + "/" + object + "?view=" + saved.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, me, object, null, state, input.name(), input.sharing(), input.roleIds(),
                    FormErrors.of(e, msg), msg);
        }
    }

    @PostMapping("/{id}")
    String update(@PathVariable String object, @PathVariable long id, @RequestParam int version,
                  @RequestParam MultiValueMap<String, String> params, Messages msg, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = users.require();
        ListView view = views.find(me.id(), object, id);
        ListState state = ListState.of(params, null);
        ListViewInput input = input(params, state);
        try {
            views.update(me.id(), object, id, version, input);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "view.saved");
            return "redirect:" + RecordPagesController.PATH + "/" + object + "?view=" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, me, object, view, state, input.name(), input.sharing(), input.roleIds(),
                    FormErrors.of(e, msg), msg);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(model, me, object, views.find(me.id(), object, id), state, input.name(), input.sharing(),
                    input.roleIds(), FormErrors.of(e, null, msg), msg);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String object, @PathVariable long id, RedirectAttributes redirect) {
        views.delete(users.require().id(), object, id);
        redirect.addFlashAttribute(ShellFactory.NOTICE, "view.deleted");
        return "redirect:" + RecordPagesController.PATH + "/" + object;
    }

    private String form(Model model, CurrentUser me, String object, ListView view, ListState state, String name,
                        ListView.Sharing sharing, Set<Long> roleIds, FormErrors errors, Messages msg) {
        ObjectDef def = finder.describe(me.id(), object);
        boolean administrator = permissions.isAdministrator(me.id());
        model.addAttribute("form", new ListViewForm(def, RecordPagesController.PATH + "/" + object, view,
                state.withView(null), name, sharing, roleIds, administrator ? roles.roleNames(msg) : java.util.Map.of(),
                administrator, errors));
        return "records/view-form";
    }

    private static ListViewInput input(MultiValueMap<String, String> params, ListState state) {
        ListView.Sharing sharing;
        try {
            sharing = ListView.Sharing.valueOf(String.valueOf(params.getFirst("sharing")));
        } catch (IllegalArgumentException e) {
            sharing = ListView.Sharing.PERSONAL;
        }
        Set<Long> roleIds = params.getOrDefault("roleIds", List.of()).stream().filter(v -> v.matches("\\d{1,18}"))
                .map(Long::valueOf).collect(java.util.stream.Collectors.toSet());
        return new ListViewInput(params.getFirst("name"), sharing, roleIds, state.scene(), state.q(), state.filter(),
                state.sort(), state.columns());
    }
}
