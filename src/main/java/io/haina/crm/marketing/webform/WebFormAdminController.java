package io.haina.crm.marketing.webform;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NavItem;
import io.haina.crm.platform.web.ShellFactory;

/** Administrators list, create and edit web forms, and copy a form's link or embed snippet. */
@Controller
@RequestMapping(WebFormAdminController.PATH)
class WebFormAdminController {

    static final String PATH = "/admin/web-forms";

    private final WebFormDesigner designer;
    private final WebFormRepository forms;
    private final LeadFormFields leadFields;
    private final Organization organization;
    private final CurrentUsers users;
    private final MessageSource messages;

    WebFormAdminController(WebFormDesigner designer, WebFormRepository forms, LeadFormFields leadFields,
                           Organization organization, CurrentUsers users, MessageSource messages) {
        this.designer = designer;
        this.forms = forms;
        this.leadFields = leadFields;
        this.organization = organization;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping
    String list(Messages msg, Model model) {
        List<WebForm> all = designer.all(actor());
        model.addAttribute("forms", all);
        model.addAttribute("counts", forms.submissionCounts());
        model.addAttribute("owners", organization.activeUsers());
        model.addAttribute("sources", sourceLabels(msg));
        return "webform/list";
    }

    @GetMapping("/new")
    String newForm(Messages msg, Model model) {
        designer.requireAdministrator(actor());
        return show(model, msg, null, WebFormDraft.blank(actor()), FormErrors.none());
    }

    @PostMapping
    String create(@RequestParam MultiValueMap<String, String> post, Messages msg, Model model,
                  RedirectAttributes redirect) {
        WebFormDraft draft = WebFormDraft.from(post, leadFields.offered());
        try {
            long id = designer.create(actor(), draft);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "webform.created");
            return "redirect:" + PATH + "/" + id;
        } catch (InvalidInputException e) {
            return show(model, msg, null, draft, FormErrors.of(e, msg));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Messages msg, Model model) {
        WebForm form = designer.get(actor(), id);
        return show(model, msg, form, WebFormDraft.of(form), FormErrors.none());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> post, Messages msg, Model model,
                  RedirectAttributes redirect) {
        WebForm form = designer.get(actor(), id);
        WebFormDraft draft = WebFormDraft.from(post, leadFields.offered());
        try {
            designer.update(actor(), id, draft);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "webform.saved");
            return "redirect:" + PATH + "/" + id;
        } catch (InvalidInputException e) {
            return show(model, msg, form, draft, FormErrors.of(e, msg));
        }
    }

    private String show(Model model, Messages msg, WebForm form, WebFormDraft draft, FormErrors errors) {
        // Default labels are those the hosted page will show: in the form's language, not the admin's.
        Messages formLanguage = new Messages(messages, java.util.Locale.forLanguageTag(
                WebFormDesigner.LANGUAGES.contains(draft.language()) ? draft.language() : "zh-CN"));
        List<DesignerRow> rows = leadFields.offered().stream()
                .map(name -> new DesignerRow(name, leadFields.defaultLabel(name, formLanguage), name.equals("name")))
                .toList();
        List<Choice> languages = WebFormDesigner.LANGUAGES.stream()
                .map(tag -> new Choice(tag, msg.t("webform.language." + tag))).toList();
        List<Choice> owners = organization.activeUsers().entrySet().stream()
                .map(e -> new Choice(String.valueOf(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(Choice::label)).toList();
        String hostedUrl = form == null ? null
                : ServletUriComponentsBuilder.fromCurrentContextPath().path("/f/" + form.publicKey()).toUriString();
        // The script carries the host page's UTM values into the form; the iframe is for pages without script.
        String snippet = hostedUrl == null ? null
                : "<script src=\"" + hostedUrl + "/embed.js\" async></script>\n<noscript><iframe src=\"" + hostedUrl
                + "\" title=\"" + org.springframework.web.util.HtmlUtils.htmlEscape(form.title())
                + "\" width=\"100%\" height=\"720\" style=\"border:0;max-width:640px\" loading=\"lazy\"></iframe></noscript>";
        model.addAttribute("page", new DesignerPage(form, draft, errors, rows, languages, sourceChoices(msg), owners,
                hostedUrl, snippet));
        return "webform/designer";
    }

    private List<Choice> sourceChoices(Messages msg) {
        return leadFields.options("source").stream().map(o -> new Choice(o.code(), msg.t(o.labelKey()))).toList();
    }

    private Map<String, String> sourceLabels(Messages msg) {
        return sourceChoices(msg).stream().collect(java.util.stream.Collectors.toMap(Choice::code, Choice::label));
    }

    private long actor() {
        return users.require().id();
    }

    @Configuration(proxyBeanMethods = false)
    static class WebFormNavigation {
        @Bean
        NavItem webFormsNavItem() {
            return new NavItem(NavItem.Section.ADMIN, "nav.web-forms", "ui-checks", PATH, "admin", 65);
        }
    }
}
