package io.haina.crm.platform.records.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.PossibleDuplicates;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordMerge;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.Messages;

/**
 * The "possible duplicate" panel of the record form: the form posts its values here (htmx) when
 * a field the object checks for duplicates changes, and shows what comes back above its fields.
 * A warning only: the form saves all the same. On an edit form, a duplicate the editor may merge
 * with offers the merge.
 */
@Controller
@RequestMapping(RecordPagesController.PATH + "/{object}")
class DuplicateWarningController {

    static final String FRAGMENT = "records/duplicates";

    private final PossibleDuplicates duplicates;
    private final RecordFinder finder;
    private final CurrentUsers users;
    private final RecordMerge merge;
    private final RecordService records;

    DuplicateWarningController(PossibleDuplicates duplicates, RecordFinder finder, CurrentUsers users, RecordMerge merge,
                               RecordService records) {
        this.merge = merge;
        this.records = records;
        this.duplicates = duplicates;
        this.finder = finder;
        this.users = users;
    }

    /** For a new record. */
    @PostMapping("/duplicates")
    String forNew(@PathVariable String object, @RequestParam MultiValueMap<String, String> params, Messages msg,
                  Model model) {
        return warning(object, null, params, msg, model);
    }

    /** For a record being edited, which does not repeat itself. */
    @PostMapping("/{id}/duplicates")
    String forEdit(@PathVariable String object, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                   Messages msg, Model model) {
        return warning(object, id, params, msg, model);
    }

    private String warning(String object, Long except, MultiValueMap<String, String> params, Messages msg, Model model) {
        CurrentUser me = users.require();
        ObjectDef def = finder.describe(me.id(), object);
        model.addAttribute("object", def);
        model.addAttribute("duplicates", duplicates.find(me.id(), object, RecordPagesController.input(def, params), except));
        model.addAttribute("display", new FieldDisplay(msg, me.timeZone()));
        // Editing a record that repeats another: merging the two is the natural next step, where one may.
        boolean mayMerge = except != null && merge.mayMerge(me.id(), object) && records.mayChange(me.id(), object, except);
        model.addAttribute("mergeFrom", mayMerge ? except : null);
        return FRAGMENT;
    }
}
