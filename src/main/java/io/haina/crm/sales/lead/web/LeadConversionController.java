package io.haina.crm.sales.lead.web;


import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.Parsed;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.pages.FieldDisplay;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;
import io.haina.crm.sales.lead.LeadConversion;
import io.haina.crm.sales.lead.LeadConverted;

/**
 * Converting a lead, on its own page: what the customer and contact will hold, the customers it
 * may repeat (attach to one of them instead), then one button. Also over REST.
 */
@Controller
class LeadConversionController {

    private final LeadConversion conversion;
    private final RecordFinder finder;
    private final CurrentUsers users;

    LeadConversionController(LeadConversion conversion, RecordFinder finder, CurrentUsers users) {
        this.conversion = conversion;
        this.finder = finder;
        this.users = users;
    }

    @GetMapping("/leads/{id}/convert")
    String form(@PathVariable long id, Messages msg, Model model) {
        return form(users.require(), id, FormErrors.none(), msg, model);
    }

    @PostMapping("/leads/{id}/convert")
    String convert(@PathVariable long id, @RequestParam(defaultValue = "") String customer,
                   @RequestParam(defaultValue = "false") boolean withContact, Messages msg, Model model,
                   RedirectAttributes redirect) {
        CurrentUser me = users.require();
        try {
            LeadConverted done = conversion.convert(me.id(), id, customer.isBlank() || customer.equals("new") ? null
                    : Long.valueOf(customer), withContact);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "lead.convert.done");
            return "redirect:/o/customer/" + done.customerId();
        } catch (InvalidInputException e) {
            return form(me, id, FormErrors.of(e, msg), msg, model);
        } catch (ConflictException e) {
            return form(me, id, FormErrors.of(e, null, msg), msg, model);
        } catch (NumberFormatException e) {
            return form(me, id, FormErrors.of(InvalidInputException.of("customer", "validation.reference"), msg), msg, model);
        }
    }

    record ConvertRequest(Long customerId, Boolean withContact) {
    }

    @PostMapping("/api/v1/objects/lead/{id}/convert")
    @ResponseBody
    ResponseEntity<LeadConverted> convertOverApi(@PathVariable long id, @RequestBody ConvertRequest body) {
        return ResponseEntity.ok(conversion.convert(users.require().id(), id, body.customerId(),
                body.withContact() == null || body.withContact()));
    }

    /** The fields as they will read on the new record: label → shown value, in the target's field order. */
    private static Map<String, String> shown(ObjectDef object, Map<String, String> input, FieldDisplay display) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (FieldDef field : object.fields()) {
            String raw = input.get(field.name());
            if (raw != null) {
                shown.put(display.label(field), field.parse(raw) instanceof Parsed.Value(Object value) ? display.show(field, value) : raw);
            }
        }
        return shown;
    }

    private String form(CurrentUser me, long id, FormErrors errors, Messages msg, Model model) {
        LeadConversion.Preview preview = conversion.preview(me.id(), id);
        FieldDisplay display = new FieldDisplay(msg, me.timeZone());
        model.addAttribute("preview", preview);
        ObjectDef customerObject = finder.describe(me.id(), "customer");
        model.addAttribute("customerObject", customerObject);
        model.addAttribute("customer", shown(customerObject, preview.customer(), display));
        model.addAttribute("contact", shown(finder.describe(me.id(), "contact"), preview.contact(), display));
        model.addAttribute("errors", errors);
        model.addAttribute("display", display);
        model.addAttribute("converted", "converted".equals(preview.lead().get("status")));
        return "leads/convert";
    }

}
