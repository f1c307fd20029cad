package io.haina.crm.platform.records.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.LookupIds;
import io.haina.crm.platform.records.LookupTargets;
import io.haina.crm.platform.records.MergePreview;
import io.haina.crm.platform.records.MergeRequest;
import io.haina.crm.platform.records.PossibleDuplicate;
import io.haina.crm.platform.records.PossibleDuplicates;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordMerge;
import io.haina.crm.platform.records.RecordFiles;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.StaleRecordException;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Merging a record with another, from the record's page: first the other is picked (a typeahead,
 * or one of the record's possible duplicates), then the two stand side by side with a choice per
 * differing field, then one button merges them. The record the page started from is kept; "keep
 * the other instead" swaps them.
 */
@Controller
@RequestMapping(RecordPagesController.PATH + "/{object}/{id}/merge")
class MergeController {

    /** The form's parameter of a field's choice: {@code choice.name=other}. */
    static final String CHOICE = "choice.";

    private final RecordMerge merge;
    private final RecordService records;
    private final RecordFinder finder;
    private final PossibleDuplicates duplicates;
    private final LookupTargets lookups;
    private final Organization organization;
    private final CurrentUsers users;
    private final RecordFiles files;

    MergeController(RecordMerge merge, RecordService records, RecordFinder finder, PossibleDuplicates duplicates,
                    LookupTargets lookups, Organization organization, CurrentUsers users, RecordFiles files) {
        this.files = files;
        this.merge = merge;
        this.records = records;
        this.finder = finder;
        this.duplicates = duplicates;
        this.lookups = lookups;
        this.organization = organization;
        this.users = users;
    }

    @GetMapping
    String page(@PathVariable String object, @PathVariable long id, @RequestParam(required = false) String with,
                Messages msg, Model model) {
        CurrentUser me = users.require();
        if (with == null || with.isBlank()) {
            return pick(me, object, id, FormErrors.none(), msg, model);
        }
        Long otherId = number(with);
        if (otherId == null || otherId == id) {
            return pick(me, object, id, FormErrors.of(InvalidInputException.of("with",
                    otherId == null ? "record.merge.error.pick" : "record.merge.error.same"), msg), msg, model);
        }
        return compare(me, merge.preview(me.id(), object, id, otherId), Map.of(), FormErrors.none(), msg, model);
    }

    @PostMapping
    String merge(@PathVariable String object, @PathVariable long id, @RequestParam long otherId,
                 @RequestParam(required = false) Integer keptVersion, @RequestParam(required = false) Integer otherVersion,
                 @RequestParam MultiValueMap<String, String> params, Messages msg, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = users.require();
        Map<String, String> choices = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(CHOICE) && !values.isEmpty()) {
                choices.put(name.substring(CHOICE.length()), values.getLast());
            }
        });
        try {
            merge.merge(me.id(), object, id, new MergeRequest(otherId, keptVersion, otherVersion, choices));
            redirect.addFlashAttribute(ShellFactory.NOTICE, "record.merge.done");
            return "redirect:" + RecordPagesController.PATH + "/" + object + "/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return compare(me, merge.preview(me.id(), object, id, otherId), choices, FormErrors.of(e, msg), msg, model);
        } catch (StaleRecordException e) {
            // The page is drawn again from the latest versions; the choices made stay where they still apply.
            response.setStatus(HttpStatus.CONFLICT.value());
            return compare(me, merge.preview(me.id(), object, id, otherId), choices,
                    FormErrors.of(InvalidInputException.of(null, "record.merge.error.stale", e.args()), msg), msg, model);
        }
    }

    /** Step one: which record to merge this one with. */
    private String pick(CurrentUser me, String object, long id, FormErrors errors, Messages msg, Model model) {
        RecordData record = records.read(me.id(), object, id);
        if (!merge.mayMerge(me.id(), object) || !records.mayChange(me.id(), object, id)) {
            throw new AccessDeniedException("merging " + object + " " + id);
        }
        ObjectDef def = finder.describe(me.id(), object);
        FieldDisplay display = new FieldDisplay(msg, me.timeZone());
        Map<String, String> input = new LinkedHashMap<>();
        def.fields().forEach(f -> input.put(f.name(), display.input(f, record.get(f.name()))));
        List<PossibleDuplicate> candidates = duplicates.find(me.id(), object, input, id).stream()
                .filter(d -> records.mayChange(me.id(), object, d.record().id())).toList();
        model.addAttribute("object", def);
        model.addAttribute("record", record);
        model.addAttribute("candidates", candidates);
        model.addAttribute("errors", errors);
        model.addAttribute("display", display);
        return "records/merge-pick";
    }

    /** Step two: the two side by side, a choice per differing field. */
    private String compare(CurrentUser me, MergePreview preview, Map<String, String> choices, FormErrors errors,
                           Messages msg, Model model) {
        ObjectDef def = preview.object();
        Map<Long, String> names = new LinkedHashMap<>();
        for (RecordData record : List.of(preview.kept(), preview.other())) {
            for (Long user : new Long[] {record.ownerId(), record.createdBy()}) {
                if (user != null) {
                    names.computeIfAbsent(user, u -> organization.displayNameOf(u).orElse("#" + u));
                }
            }
        }
        LookupIds shown = new LookupIds().addAll(def, List.of(preview.kept(), preview.other()));
        FieldDisplay display = new FieldDisplay(msg, me.timeZone()).withUsers(names).withLookups(lookups.names(me.id(), shown))
                .withFiles(files.of(def, List.of(preview.kept(), preview.other())));
        Map<String, String> chosen = new LinkedHashMap<>();
        for (FieldDef field : preview.differing()) {
            chosen.put(field.name(), choices.getOrDefault(field.name(), defaultSide(preview, field)));
        }
        model.addAttribute("preview", preview);
        model.addAttribute("chosen", chosen);
        model.addAttribute("names", names);
        model.addAttribute("errors", errors);
        model.addAttribute("display", display);
        return "records/merge";
    }

    /** The kept record's value, unless it has none and the other has one: a blank is rarely what anyone keeps. */
    private static String defaultSide(MergePreview preview, FieldDef field) {
        Object kept = preview.kept().get(field.name());
        boolean blank = kept == null || kept instanceof String s && s.isBlank() || kept instanceof List<?> l && l.isEmpty();
        return blank ? RecordMerge.OTHER : RecordMerge.THIS;
    }

    private static Long number(String text) {
        return text.strip().matches("\\d{1,18}") ? Long.valueOf(text.strip()) : null;
    }
}
