package io.haina.crm.marketing.webform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public page of a form, {@code /f/{key}}: no sign-in, no session, embeddable in any site's
 * iframe (see {@link HostedFormSecurity}), in the form's language whatever the visitor's browser
 * says. It works without JavaScript: a plain form post, answered with the form again (messages at
 * the fields, input kept) or a redirect to the thank-you page.
 */
@Controller
@RequestMapping(HostedFormController.PATH)
class HostedFormController {

    static final String PATH = "/f/{key}";
    private static final Logger log = LoggerFactory.getLogger(HostedFormController.class);

    private final WebFormRepository forms;
    private final WebFormSubmissions submissions;
    private final SubmissionRateLimit rateLimit;
    private final LeadFormFields leadFields;
    private final MessageSource messages;

    HostedFormController(WebFormRepository forms, WebFormSubmissions submissions, SubmissionRateLimit rateLimit,
                         LeadFormFields leadFields, MessageSource messages) {
        this.forms = forms;
        this.submissions = submissions;
        this.rateLimit = rateLimit;
        this.leadFields = leadFields;
        this.messages = messages;
    }

    @GetMapping
    String show(@PathVariable String key, @RequestParam Map<String, String> query,
                @RequestHeader(name = "Referer", required = false) String referer, Messages visitor, Model model,
                HttpServletResponse response) {
        Optional<WebForm> form = forms.findActive(key);
        if (form.isEmpty()) {
            return missing(visitor, model, response);
        }
        return page(model, form.get(), Map.of(), utm(query, referer), FormErrors.none());
    }

    @PostMapping
    String submit(@PathVariable String key, @RequestParam Map<String, String> post, Messages visitor, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        Optional<WebForm> found = forms.findActive(key);
        if (found.isEmpty()) {
            return missing(visitor, model, response);
        }
        WebForm form = found.get();
        Messages msg = messagesOf(form);
        // The socket's address: X-Forwarded-For is anyone's to write unless a proxy we trust sets it,
        // which Spring's forward-headers strategy would then apply to getRemoteAddr() itself.
        String address = request.getRemoteAddr();
        if (!rateLimit.tryPost(form.publicKey(), address)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "60");
            return notice(model, msg, msg.t("webform.too-many.title"), msg.t("webform.too-many.text"), "too-many");
        }
        if (Honeypot.caught(post)) {
            log.info("web form {}: a post filled the honeypot, nothing created", form.id());
            return "redirect:/f/" + form.publicKey() + "/thanks";
        }
        try {
            submissions.submit(form, post, address);
            return "redirect:/f/" + form.publicKey() + "/thanks";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, form, post, utm(post, null), FormErrors.of(e, msg));
        } catch (AccessDeniedException e) {
            // The owner lost the right to create leads (or left): the form cannot work until an admin fixes it.
            log.warn("web form {}: its owner {} may not create leads", form.id(), form.ownerId());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return notice(model, msg, msg.t("webform.unavailable.title"), msg.t("webform.unavailable.text"), "unavailable");
        }
    }

    @GetMapping("/thanks")
    String thanks(@PathVariable String key, Messages visitor, Model model, HttpServletResponse response) {
        Optional<WebForm> form = forms.findActive(key);
        if (form.isEmpty()) {
            return missing(visitor, model, response);
        }
        return notice(model, messagesOf(form.get()), form.get().title(), form.get().thankYou(), "thanks");
    }

    private String page(Model model, WebForm form, Map<String, String> values, Map<String, String> utm,
                        FormErrors errors) {
        Messages msg = messagesOf(form);
        List<HostedField> fields = form.fields().stream().map(f -> new HostedField(f.name(), leadFields.label(f, msg),
                f.required(), leadFields.inputType(f.name()), leadFields.isLongText(f.name()),
                leadFields.options(f.name()).stream().map(o -> new Choice(o.code(), msg.t(o.labelKey()))).toList()))
                .toList();
        model.addAttribute("page", new HostedPage(msg, form, fields, values, utm, errors));
        return "webform/hosted";
    }

    /** An unknown or inactive form: the visitor's own language, since there is no form to take one from. */
    private String missing(Messages visitor, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return notice(model, visitor, visitor.t("webform.missing.title"), visitor.t("webform.missing.text"), "missing");
    }

    private static String notice(Model model, Messages msg, String title, String text, String kind) {
        model.addAttribute("msg", msg);
        model.addAttribute("title", title);
        model.addAttribute("text", text);
        model.addAttribute("kind", kind);
        return "webform/notice";
    }

    private Messages messagesOf(WebForm form) {
        return new Messages(messages, form.locale());
    }

    /**
     * The campaign's UTM values: from the page's own query string (a link such as
     * {@code /f/key?utm_source=wechat}, or an iframe whose src carries them), else from the
     * Referer's query string — the embedding page's address, when its referrer policy sends it whole.
     */
    private static Map<String, String> utm(Map<String, String> query, String referer) {
        Map<String, String> utm = new LinkedHashMap<>();
        for (String name : WebFormSubmissions.UTM) {
            String value = query.get(name);
            if (value != null && !value.isBlank()) {
                utm.put(name, value.strip());
            }
        }
        if (utm.isEmpty() && referer != null) {
            try {
                var params = UriComponentsBuilder.fromUri(URI.create(referer)).build().getQueryParams();
                for (String name : WebFormSubmissions.UTM) {
                    String value = params.getFirst(name);
                    if (value != null && !value.isBlank()) {
                        utm.put(name, java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8).strip());
                    }
                }
            } catch (IllegalArgumentException e) {
                // A Referer that is not an address gives no UTM values; the form works the same.
            }
        }
        return utm;
    }
}
