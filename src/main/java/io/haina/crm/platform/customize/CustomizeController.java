package io.haina.crm.platform.customize;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

import io.haina.crm.platform.metadata.CustomFieldKind;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.records.FieldPermissions;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.RoleDirectory;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NavItem;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.platform.web.ShellFactory;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The administrator's pages for objects: {@code /admin/objects} lists them; an object's page
 * lists its fields (order, required, hidden, custom fields); a field's page changes its wording and
 * picklist options; the access page sets field permissions per role.
 */
@Controller
@RequestMapping(CustomizeController.PATH)
class CustomizeController {

    static final String PATH = "/admin/objects";

    private final ObjectCustomization customization;
    private final ObjectRegistry objects;
    private final FieldPermissions fieldPermissions;
    private final RoleDirectory roles;
    private final CurrentUsers users;

    CustomizeController(ObjectCustomization customization, ObjectRegistry objects, FieldPermissions fieldPermissions,
                        RoleDirectory roles, CurrentUsers users) {
        this.customization = customization;
        this.objects = objects;
        this.fieldPermissions = fieldPermissions;
        this.roles = roles;
        this.users = users;
    }

    @GetMapping
    String objects(Model model) {
        model.addAttribute("objects", customization.objects(actor()));
        return "customize/objects";
    }

    @GetMapping("/{object}")
    String object(@PathVariable String object, Model model) {
        return objectPage(model, object, FormErrors.none(), Map.of());
    }

    @PostMapping("/{object}/fields")
    String addField(@PathVariable String object, @RequestParam MultiValueMap<String, String> params, Messages msg,
                    Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CustomFieldKind kind = kind(params.getFirst("kind"));
        String options = params.getFirst("options");
        try {
            customization.addCustomField(actor(), object, params.getFirst("labelZh"), params.getFirst("labelEn"), kind,
                    options == null ? List.of() : Arrays.asList(options.split("\\R")), params.getFirst("target"));
            redirect.addFlashAttribute(ShellFactory.NOTICE, "customize.field-added");
            return "redirect:" + PATH + "/" + object;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return objectPage(model, object, FormErrors.of(e, msg), params.toSingleValueMap());
        }
    }

    @PostMapping("/{object}/fields/{field}/move")
    String move(@PathVariable String object, @PathVariable String field, @RequestParam int step) {
        customization.move(actor(), object, field, step);
        return "redirect:" + PATH + "/" + object + "#field-" + field;
    }

    @PostMapping("/{object}/fields/{field}/required")
    String required(@PathVariable String object, @PathVariable String field, @RequestParam boolean required,
                    RedirectAttributes redirect) {
        customization.setRequired(actor(), object, field, required);
        redirect.addFlashAttribute(ShellFactory.NOTICE, "customize.saved");
        return "redirect:" + PATH + "/" + object + "#field-" + field;
    }

    @PostMapping("/{object}/fields/{field}/hidden")
    String hidden(@PathVariable String object, @PathVariable String field, @RequestParam boolean hidden,
                  RedirectAttributes redirect) {
        customization.setHidden(actor(), object, field, hidden);
        redirect.addFlashAttribute(ShellFactory.NOTICE, "customize.saved");
        return "redirect:" + PATH + "/" + object + "#field-" + field;
    }

    @PostMapping("/{object}/fields/{field}/active")
    String active(@PathVariable String object, @PathVariable String field, @RequestParam boolean active,
                  RedirectAttributes redirect) {
        customization.setActive(actor(), object, field, active);
        redirect.addFlashAttribute(ShellFactory.NOTICE, active ? "customize.field-activated" : "customize.field-deactivated");
        return "redirect:" + PATH + "/" + object + "#field-" + field;
    }

    @GetMapping("/{object}/fields/{field}")
    String field(@PathVariable String object, @PathVariable String field, Model model) {
        return fieldPage(model, object, field, FormErrors.none());
    }

    @PostMapping("/{object}/fields/{field}/label")
    String label(@PathVariable String object, @PathVariable String field, @RequestParam(required = false) String labelZh,
                 @RequestParam(required = false) String labelEn, Messages msg, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        return onFieldPage(object, field, "customize.saved", msg, model, redirect, response,
                () -> customization.relabel(actor(), object, field, labelZh, labelEn));
    }

    @PostMapping("/{object}/fields/{field}/options")
    String addOption(@PathVariable String object, @PathVariable String field, @RequestParam(required = false) String optionZh,
                     @RequestParam(required = false) String optionEn, Messages msg, Model model,
                     RedirectAttributes redirect, HttpServletResponse response) {
        return onFieldPage(object, field, "customize.option-added", msg, model, redirect, response,
                () -> customization.addOption(actor(), object, field, optionZh, optionEn));
    }

    @PostMapping("/{object}/fields/{field}/options/{code}")
    String saveOption(@PathVariable String object, @PathVariable String field, @PathVariable String code,
                      @RequestParam(required = false) String optionZh, @RequestParam(required = false) String optionEn,
                      @RequestParam(required = false) String color, @RequestParam(defaultValue = "false") boolean active,
                      @RequestParam(defaultValue = "0") int position, Messages msg, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) {
        return onFieldPage(object, field, "customize.saved", msg, model, redirect, response,
                () -> customization.saveOption(actor(), object, field, code, optionZh, optionEn, color, active, position));
    }

    /** Does a change made on a field's page: back to the page with a notice, or the page again with the problems. */
    private String onFieldPage(String object, String field, String notice, Messages msg, Model model,
                               RedirectAttributes redirect, HttpServletResponse response, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute(ShellFactory.NOTICE, notice);
            return "redirect:" + PATH + "/" + object + "/fields/" + field;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return fieldPage(model, object, field, FormErrors.of(e, msg));
        }
    }

    /** Field permissions of one role on this object. */
    @GetMapping("/{object}/access")
    String access(@PathVariable String object, @RequestParam(required = false) Long role, Messages msg, Model model) {
        long me = actor();
        customization.objects(me);
        ObjectDef def = objects.find(object).orElseThrow(() -> new NotFoundException("object " + object));
        Map<Long, String> roleNames = roles.roleNames(msg);
        Long chosen = role != null && roleNames.containsKey(role) ? role : roleNames.keySet().stream().findFirst().orElse(null);
        model.addAttribute("page", new CustomizePages.AccessPage(def, roleNames, chosen,
                chosen == null ? Map.of() : fieldPermissions.rulesOf(chosen, object)));
        return "customize/access";
    }

    @PostMapping("/{object}/access")
    String saveAccess(@PathVariable String object, @RequestParam long role, @RequestParam MultiValueMap<String, String> params,
                      RedirectAttributes redirect) {
        ObjectDef def = objects.find(object).orElseThrow(() -> new NotFoundException("object " + object));
        Map<String, FieldPermissions.Restriction> rules = new LinkedHashMap<>();
        for (FieldDef field : def.fields()) {
            String chosen = params.getFirst("access." + field.name());
            if (chosen != null && !chosen.isBlank() && !chosen.equals("EDITABLE")) {
                rules.put(field.name(), FieldPermissions.Restriction.valueOf(chosen));
            }
        }
        fieldPermissions.replaceRules(actor(), role, def, rules);
        redirect.addFlashAttribute(ShellFactory.NOTICE, "customize.saved");
        return "redirect:" + PATH + "/" + object + "/access?role=" + role;
    }

    private String objectPage(Model model, String object, FormErrors errors, Map<String, String> input) {
        long me = actor();
        ObjectDef def = objects.find(object).orElseThrow(() -> new NotFoundException("object " + object));
        model.addAttribute("page", new CustomizePages.ObjectPage(def, customization.fields(me, object), List.of(CustomFieldKind.values()),
                objects.all(), errors, input));
        return "customize/object";
    }

    private String fieldPage(Model model, String object, String field, FormErrors errors) {
        long me = actor();
        ObjectDef def = objects.find(object).orElseThrow(() -> new NotFoundException("object " + object));
        FieldRow row = customization.fields(me, object).stream().filter(r -> r.field().name().equals(field)).findFirst()
                .orElseThrow(() -> new NotFoundException("field " + field));
        List<CustomizePages.OptionRow> options = row.hasOptions() && row.active() ? optionRows(object, field) : List.of();
        model.addAttribute("page", new CustomizePages.FieldPage(def, row, options, errors));
        return "customize/field";
    }

    private List<CustomizePages.OptionRow> optionRows(String object, String field) {
        var options = customization.options(object, field);
        List<CustomizePages.OptionRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            var o = options.get(i);
            rows.add(new CustomizePages.OptionRow(o.code(), customization.text(o.labelKey(), true), customization.text(o.labelKey(), false),
                    o.color() == null ? "" : o.color(), o.active(), (i + 1) * 10));
        }
        return rows;
    }

    private static CustomFieldKind kind(String text) {
        try {
            return text == null ? null : CustomFieldKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private long actor() {
        return users.require().id();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem objectsNavItem() {
            return new NavItem(NavItem.Section.ADMIN, "nav.objects", "sliders", PATH, "admin", 40);
        }
    }
}
