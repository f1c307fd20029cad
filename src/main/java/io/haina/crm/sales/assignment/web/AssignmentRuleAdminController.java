package io.haina.crm.sales.assignment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NavItem;
import io.haina.crm.platform.web.ShellFactory;
import io.haina.crm.sales.assignment.AssignmentRules;
import io.haina.crm.sales.assignment.TargetKind;

/**
 * Settings › Lead assignment: administrators see the rules in the order they are asked, move them
 * up and down, create, change, switch off and delete them, and say whether rules also take leads
 * typed in by hand. Works without JavaScript; every form posts and comes back.
 */
@Controller
@RequestMapping(AssignmentRuleAdminController.PATH)
class AssignmentRuleAdminController {

    static final String PATH = "/admin/assignment-rules";

    private final AssignmentRules rules;
    private final CurrentUsers users;
    private final Organization organization;

    AssignmentRuleAdminController(AssignmentRules rules, CurrentUsers users, Organization organization) {
        this.rules = rules;
        this.users = users;
        this.organization = organization;
    }

    @GetMapping
    String list(Messages msg, Model model) {
        long me = users.require().id();
        model.addAttribute("rules", rules.all(me));
        model.addAttribute("handEntered", rules.appliesToHandEntered(me));
        model.addAttribute("texts", new RuleTexts(msg, rules, organization.activeUsers(), organization.departmentNames()));
        return "assignment/rules";
    }

    @PostMapping("/settings")
    String settings(@RequestParam(defaultValue = "false") boolean applyToHandEntered, RedirectAttributes redirect) {
        rules.setAppliesToHandEntered(users.require().id(), applyToHandEntered);
        redirect.addFlashAttribute(ShellFactory.NOTICE, "assignment.settings.saved");
        return "redirect:" + PATH;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        rules.all(users.require().id());
        return form(null, new AssignmentRuleForm(), FormErrors.none(), model);
    }

    @PostMapping("/new")
    String create(@ModelAttribute AssignmentRuleForm form, Messages msg, Model model, RedirectAttributes redirect) {
        try {
            rules.create(users.require().id(), form.toDraft());
        } catch (InvalidInputException e) {
            return form(null, form, FormErrors.of(e, msg), model);
        }
        redirect.addFlashAttribute(ShellFactory.NOTICE, "assignment.saved");
        return "redirect:" + PATH;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        return form(id, AssignmentRuleForm.of(rules.get(users.require().id(), id)), FormErrors.none(), model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute AssignmentRuleForm form, Messages msg, Model model,
                  RedirectAttributes redirect) {
        try {
            rules.update(users.require().id(), id, form.getVersion(), form.toDraft());
        } catch (InvalidInputException e) {
            return form(id, form, FormErrors.of(e, msg), model);
        } catch (ConflictException e) {
            return form(id, form, FormErrors.of(e, null, msg), model);
        }
        redirect.addFlashAttribute(ShellFactory.NOTICE, "assignment.saved");
        return "redirect:" + PATH;
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam(defaultValue = "up") String direction) {
        rules.move(users.require().id(), id, !"down".equals(direction));
        return "redirect:" + PATH + "#rule-" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        rules.delete(users.require().id(), id);
        redirect.addFlashAttribute(ShellFactory.NOTICE, "assignment.deleted");
        return "redirect:" + PATH;
    }

    private String form(Long id, AssignmentRuleForm form, FormErrors errors, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", TargetKind.values());
        model.addAttribute("users", rules.assignableUsers());
        model.addAttribute("departments", organization.departmentNames());
        model.addAttribute("pools", rules.leadPools());
        model.addAttribute("webForms", rules.webForms());
        model.addAttribute("industries", rules.leadOptions("industry"));
        model.addAttribute("companySizes", rules.leadOptions("company_size"));
        model.addAttribute("sources", rules.leadOptions("source"));
        return "assignment/rule-form";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem assignmentRulesNavItem() {
            return new NavItem(NavItem.Section.ADMIN, "nav.assignment-rules", "shuffle", PATH, "admin", 61);
        }
    }
}
