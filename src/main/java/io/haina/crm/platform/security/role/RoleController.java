package io.haina.crm.platform.security.role;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.SecuredObjects;
import io.haina.crm.platform.security.access.RoleGrants;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NavItem;
import io.haina.crm.platform.web.ShellFactory;

/**
 * Roles and their grant matrix: one row per object, a checkbox per action, a data scope per
 * owned object. Checkboxes are named {@code grant.<object>} with the action as value, scopes
 * {@code scope.<object>}.
 */
@Controller
@RequestMapping(RoleController.PATH)
class RoleController {

    static final String PATH = "/org/roles";

    private final RoleService service;
    private final RoleRepository roles;
    private final SecuredObjects objects;
    private final CurrentUsers users;
    private final Permissions permissions;

    RoleController(RoleService service, RoleRepository roles, SecuredObjects objects, CurrentUsers users,
                   Permissions permissions) {
        this.service = service;
        this.roles = roles;
        this.objects = objects;
        this.users = users;
        this.permissions = permissions;
    }

    @GetMapping
    String list(Model model) {
        long actor = actor();
        permissions.require(actor, RoleService.ROLE, ObjectAction.VIEW);
        var all = roles.all();
        Map<Long, Integer> holders = new HashMap<>();
        all.forEach(r -> holders.put(r.id(), roles.holderCount(r.id())));
        model.addAttribute("roles", all);
        model.addAttribute("holders", holders);
        model.addAttribute("canCreate", permissions.can(actor, RoleService.ROLE, ObjectAction.CREATE));
        return "org/roles";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        permissions.require(actor(), RoleService.ROLE, ObjectAction.CREATE);
        return showForm(model, null, "", "", Map.of(), FormErrors.none());
    }

    @PostMapping
    String create(@RequestParam MultiValueMap<String, String> params, Messages msg, Model model,
                  RedirectAttributes redirect) {
        RoleForm form = formOf(params);
        try {
            long id = service.create(actor(), form);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "role.created");
            return "redirect:" + PATH + "/" + id;
        } catch (InvalidInputException e) {
            return showForm(model, null, form.name(), form.description(), grantsOf(form), FormErrors.of(e, msg));
        } catch (ConflictException e) {
            return showForm(model, null, form.name(), form.description(), grantsOf(form),
                    FormErrors.of(e, "name", msg));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        permissions.require(actor(), RoleService.ROLE, ObjectAction.VIEW);
        Role role = service.find(id);
        return showForm(model, role, role.name(), role.description(), roles.grantsOf(id), FormErrors.none());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Messages msg,
                  Model model, RedirectAttributes redirect) {
        RoleForm form = formOf(params);
        Role role = service.find(id);
        try {
            service.update(actor(), id, form);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "role.saved");
            return "redirect:" + PATH + "/" + id;
        } catch (InvalidInputException e) {
            return showForm(model, role, form.name(), form.description(), grantsOf(form), FormErrors.of(e, msg));
        } catch (ConflictException e) {
            return showForm(model, role, form.name(), form.description(), grantsOf(form),
                    FormErrors.of(e, null, msg));
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Messages msg, Model model, RedirectAttributes redirect) {
        try {
            service.delete(actor(), id);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "role.deleted");
            return "redirect:" + PATH;
        } catch (ConflictException e) {
            Role role = service.find(id);
            return showForm(model, role, role.name(), role.description(), roles.grantsOf(id),
                    FormErrors.of(e, null, msg));
        }
    }

    private String showForm(Model model, Role role, String name, String description, Map<String, RoleGrants.Grant> grants,
                            FormErrors errors) {
        long actor = actor();
        model.addAttribute("role", role);
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("description", description == null ? "" : description);
        model.addAttribute("grants", grants);
        model.addAttribute("objects", objects.all());
        model.addAttribute("errors", errors);
        boolean mayChange = role == null ? permissions.can(actor, RoleService.ROLE, ObjectAction.CREATE)
                : permissions.can(actor, RoleService.ROLE, ObjectAction.EDIT)
                  && (!role.administrator() || permissions.isAdministrator(actor));
        model.addAttribute("canEdit", mayChange);
        model.addAttribute("canDelete", role != null && !role.builtIn()
                && permissions.can(actor, RoleService.ROLE, ObjectAction.DELETE));
        return "org/role";
    }

    static RoleForm formOf(MultiValueMap<String, String> params) {
        Map<String, Set<ObjectAction>> actions = new HashMap<>();
        Map<String, ScopeLevel> scopes = new HashMap<>();
        params.forEach((key, values) -> {
            if (key.startsWith("grant.")) {
                Set<ObjectAction> set = EnumSet.noneOf(ObjectAction.class);
                values.forEach(v -> parse(ObjectAction.class, v).ifPresent(set::add));
                actions.put(key.substring("grant.".length()), set);
            } else if (key.startsWith("scope.") && !values.isEmpty()) {
                parse(ScopeLevel.class, values.getFirst()).ifPresent(s -> scopes.put(key.substring("scope.".length()), s));
            }
        });
        String versionText = params.getFirst("version");
        Integer version = versionText != null && versionText.matches("\\d{1,9}") ? Integer.valueOf(versionText) : null;
        return new RoleForm(params.getFirst("name"), params.getFirst("description"), actions, scopes, version);
    }

    private static Map<String, RoleGrants.Grant> grantsOf(RoleForm form) {
        Map<String, RoleGrants.Grant> grants = new HashMap<>();
        form.actions().forEach((object, set) -> grants.put(object,
                new RoleGrants.Grant(set, form.scopes().getOrDefault(object, ScopeLevel.SELF))));
        return grants;
    }

    private static <E extends Enum<E>> java.util.Optional<E> parse(Class<E> type, String value) {
        try {
            return java.util.Optional.of(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private long actor() {
        return users.require().id();
    }

    @Configuration(proxyBeanMethods = false)
    static class RoleNavigation {
        @Bean
        NavItem rolesNavItem() {
            return new NavItem(NavItem.Section.ADMIN, "nav.roles", "shield-lock", PATH, ObjectAction.VIEW.on(RoleService.ROLE), 30);
        }
    }
}
