package io.haina.crm.platform.records.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.haina.crm.platform.records.LookupTargets;
import io.haina.crm.platform.security.CurrentUsers;

/**
 * The choices of a lookup field's typeahead ({@code GET /o/{target}/lookup?q=}): an htmx fragment
 * with the first records of the target object that match, as the reader's own list would find them.
 */
@Controller
@RequestMapping(RecordPagesController.PATH + "/{object}")
class LookupController {

    static final int CHOICES = 10;
    /** Longer input is cut: nobody types more to find a record. */
    static final int MAX_TEXT = 100;

    private final LookupTargets lookups;
    private final CurrentUsers users;

    LookupController(LookupTargets lookups, CurrentUsers users) {
        this.lookups = lookups;
        this.users = users;
    }

    @GetMapping("/lookup")
    String choices(@PathVariable String object, @RequestParam(required = false) String q, Model model) {
        String text = q == null ? "" : q.strip();
        text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        model.addAttribute("choices", lookups.choices(users.require().id(), object, text, CHOICES));
        model.addAttribute("text", text);
        return "records/lookup-choices";
    }
}
