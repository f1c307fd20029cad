package io.haina.crm.sales.lead.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.records.pages.FieldDisplay;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NavItem;
import io.haina.crm.platform.web.ShellFactory;
import io.haina.crm.sales.lead.LeadConversionSettings;
import io.haina.crm.sales.lead.LeadConversionSettings.Row;

/**
 * Settings › Lead conversion: one select per customer and contact field, naming the lead field
 * that fills it. Form parameters are {@code customer.<field>} and {@code contact.<field>}.
 */
@Controller
@RequestMapping(LeadConversionAdminController.PATH)
class LeadConversionAdminController {

    static final String PATH = "/admin/lead-conversion";

    private final LeadConversionSettings settings;
    private final CurrentUsers users;

    LeadConversionAdminController(LeadConversionSettings settings, CurrentUsers users) {
        this.settings = settings;
        this.users = users;
    }

    @GetMapping
    String page(Messages msg, Model model) {
        CurrentUser me = users.require();
        return page(me, settings.rows(me.id()), FormErrors.none(), msg, model);
    }

    @PostMapping
    String save(@RequestParam Map<String, String> params, Messages msg, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.require();
        Map<String, Map<String, String>> chosen = chosen(params);
        try {
            settings.save(me.id(), chosen);
        } catch (InvalidInputException e) {
            return page(me, asChosen(settings.rows(me.id()), chosen), FormErrors.of(e, msg), msg, model);
        }
        redirect.addFlashAttribute(ShellFactory.NOTICE, "lead.mapping.saved");
        return "redirect:" + PATH;
    }

    private static Map<String, Map<String, String>> chosen(Map<String, String> params) {
        Map<String, Map<String, String>> chosen = new LinkedHashMap<>();
        for (String target : LeadConversionSettings.TARGETS) {
            Map<String, String> fields = new LinkedHashMap<>();
            params.forEach((name, value) -> {
                if (name.startsWith(target + ".")) {
                    fields.put(name.substring(target.length() + 1), value);
                }
            });
            chosen.put(target, fields);
        }
        return chosen;
    }

    /** The rows showing what the administrator chose, so a refused form keeps their choices. */
    private static Map<String, List<Row>> asChosen(Map<String, List<Row>> rows, Map<String, Map<String, String>> chosen) {
        Map<String, List<Row>> shown = new LinkedHashMap<>();
        rows.forEach((target, list) -> shown.put(target, list.stream().map(row -> {
            String value = chosen.getOrDefault(target, Map.of()).get(row.target().name());
            return new Row(row.target(), value == null || value.isBlank() ? null : value, row.choices());
        }).toList()));
        return shown;
    }

    private String page(CurrentUser me, Map<String, List<Row>> rows, FormErrors errors, Messages msg, Model model) {
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("display", new FieldDisplay(msg, me.timeZone()));
        return "leads/mapping";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem leadConversionNavItem() {
            return new NavItem(NavItem.Section.ADMIN, "nav.lead-conversion", "signpost-split", PATH, "admin", 62);
        }
    }
}
