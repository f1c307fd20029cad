package io.haina.crm.sales.pool.web;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NavItem;
import io.haina.crm.platform.web.ShellFactory;
import io.haina.crm.sales.pool.PoolRuleKind;
import io.haina.crm.sales.pool.PoolSettings;

/** Settings › Pools: administrators list, create and change pools. */
@Controller
@RequestMapping(PoolAdminController.PATH)
class PoolAdminController {

    static final String PATH = "/admin/pools";

    private final PoolSettings settings;
    private final CurrentUsers users;
    private final Organization organization;

    PoolAdminController(PoolSettings settings, CurrentUsers users, Organization organization) {
        this.settings = settings;
        this.users = users;
        this.organization = organization;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("pools", settings.all(users.require().id()));
        return "pools/admin-list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        settings.all(users.require().id());
        return form(null, new PoolForm(), FormErrors.none(), model);
    }

    @PostMapping("/new")
    String create(@ModelAttribute PoolForm form, Messages msg, Model model, RedirectAttributes redirect) {
        try {
            settings.create(users.require().id(), form.toDraft());
        } catch (InvalidInputException e) {
            return form(null, form, FormErrors.of(e, msg), model);
        }
        redirect.addFlashAttribute(ShellFactory.NOTICE, "pool.saved");
        return "redirect:" + PATH;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        return form(id, PoolForm.of(settings.get(users.require().id(), id)), FormErrors.none(), model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute PoolForm form, Messages msg, Model model, RedirectAttributes redirect) {
        try {
            settings.update(users.require().id(), id, form.getVersion(), form.toDraft());
        } catch (InvalidInputException e) {
            return form(id, form, FormErrors.of(e, msg), model);
        } catch (ConflictException e) {
            return form(id, form, FormErrors.of(e, null, msg), model);
        }
        redirect.addFlashAttribute(ShellFactory.NOTICE, "pool.saved");
        return "redirect:" + PATH;
    }

    private String form(Long id, PoolForm form, FormErrors errors, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("departments", organization.departmentNames());
        model.addAttribute("users", organization.activeUsers());
        model.addAttribute("kinds", PoolRuleKind.values());
        model.addAttribute("objects", PoolSettings.OBJECTS);
        model.addAttribute("levels", settings.customerLevels());
        return "pools/admin-form";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem poolSettingsNavItem() {
            return new NavItem(NavItem.Section.ADMIN, "nav.pool-settings", "water", PATH, "admin", 60);
        }
    }
}
