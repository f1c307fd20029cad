package io.haina.crm.platform.activity.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.activity.FollowUpDraft;
import io.haina.crm.platform.activity.FollowUpKind;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.activity.Timeline;
import io.haina.crm.platform.files.FileUploads;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A record's timeline tab (fetched by the detail page when it comes into view) with the quick
 * follow-up form at its top, "load more" below, and the same form alone for a list row's
 * "follow up" button. Without JavaScript the form still posts, and lands on the record's page.
 */
@Controller
@RequestMapping("/o/{object}/{id}")
class TimelineController {

    static final String FRAGMENT = "activity/timeline";
    static final String MORE = "activity/timeline-more";
    static final String QUICK = "activity/follow-up-quick";
    static final String PAGE = "activity/follow-up-page";
    /** The form's origin: the timeline (answered with the timeline) or a list row (answered with a short "saved"). */
    static final String FROM_LIST = "list";
    /** The form's file input. */
    static final String FILES = "files";

    private final FollowUps followUps;
    private final Timeline timeline;
    private final RecordService records;
    private final CurrentUsers users;
    private final TimelineViews views;
    private final FileUploads uploads;

    TimelineController(FollowUps followUps, Timeline timeline, RecordService records, CurrentUsers users,
                       TimelineViews views, FileUploads uploads) {
        this.uploads = uploads;
        this.followUps = followUps;
        this.timeline = timeline;
        this.records = records;
        this.users = users;
        this.views = views;
    }

    static String timelinePath(String object, long id) {
        return "/o/" + object + "/" + id + "/timeline";
    }

    static String followUpsPath(String object, long id) {
        return "/o/" + object + "/" + id + "/follow-ups";
    }

    @GetMapping("/timeline")
    String timeline(@PathVariable String object, @PathVariable long id, Messages msg, Model model) {
        CurrentUser me = users.require();
        return timelineWith(me, object, id, views.emptyForm(me, object, id, msg), msg, model);
    }

    @GetMapping("/timeline/more")
    String more(@PathVariable String object, @PathVariable long id, @RequestParam(required = false) String cursor,
                Messages msg, Model model) {
        CurrentUser me = users.require();
        Timeline.Page page = timeline.page(me.id(), object, id, Timeline.Cursor.decode(cursor), msg, me.timeZone());
        model.addAttribute("page", page);
        model.addAttribute("view", views.of(me, object, id, page, msg));
        return MORE;
    }

    /** The form alone, for the modal a list row's "follow up" opens. */
    @GetMapping("/follow-ups/new")
    String quick(@PathVariable String object, @PathVariable long id, Messages msg, Model model) {
        CurrentUser me = users.require();
        return quickWith(me, object, id, views.emptyForm(me, object, id, msg), false, model);
    }

    /**
     * Adds a follow-up with the files chosen in it ({@value #FILES}) and those kept from a try sent
     * back ({@code fileIds}). A refused file or follow-up sends the form back with what was typed and
     * the files that were kept, so nothing has to be picked again.
     */
    @PostMapping("/follow-ups")
    String add(@PathVariable String object, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
               @RequestParam(name = FILES, required = false) List<MultipartFile> chosenFiles,
               @RequestParam(defaultValue = "") String from,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Messages msg, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = users.require();
        List<String> fileIds = new ArrayList<>(params.getOrDefault(FollowUps.FILE_IDS, List.of()));
        FileUploads.Kept kept = uploads.keep(me.id(), FollowUps.FILE_IDS, chosenFiles);
        kept.ids().forEach(file -> fileIds.add(String.valueOf(file)));
        FollowUpDraft draft = new FollowUpDraft(params.getFirst("kind"), params.getFirst("content"),
                params.getOrDefault("contactIds", List.of()), params.getFirst("at"), params.getFirst("nextAt"), fileIds);
        try {
            if (!kept.problems().isEmpty()) {
                throw new InvalidInputException(kept.problems());
            }
            followUps.add(me.id(), object, id, draft, me.timeZone());
        } catch (InvalidInputException e) {
            FollowUpForm refused = views.form(me, object, id, typed(params), params.getOrDefault("contactIds", List.of()),
                    fileIds.stream().filter(f -> f.matches("\\d{1,18}")).map(Long::valueOf).toList(), FormErrors.of(e, msg));
            if (htmx == null) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                return pageWith(me, object, id, refused, model);
            }
            // htmx swaps only successful answers: the refused form comes back as one, messages at its fields.
            return FROM_LIST.equals(from) ? quickWith(me, object, id, refused, false, model)
                    : timelineWith(me, object, id, refused, msg, model);
        }
        if (htmx == null) {
            redirect.addFlashAttribute(ShellFactory.NOTICE, "follow-up.saved");
            return "redirect:/o/" + object + "/" + id;
        }
        return FROM_LIST.equals(from) ? quickWith(me, object, id, views.emptyForm(me, object, id, msg), true, model)
                : timelineWith(me, object, id, views.emptyForm(me, object, id, msg), msg, model);
    }

    private String timelineWith(CurrentUser me, String object, long id, FollowUpForm form, Messages msg, Model model) {
        Timeline.Page page = timeline.page(me.id(), object, id, Timeline.Cursor.START, msg, me.timeZone());
        model.addAttribute("form", form);
        model.addAttribute("page", page);
        model.addAttribute("view", views.of(me, object, id, page, msg));
        return FRAGMENT;
    }

    private String quickWith(CurrentUser me, String object, long id, FollowUpForm form, boolean saved, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("name", views.nameOf(me, object, id));
        model.addAttribute("saved", saved);
        return QUICK;
    }

    private String pageWith(CurrentUser me, String object, long id, FollowUpForm form, Model model) {
        RecordData record = records.read(me.id(), object, id);
        model.addAttribute("form", form);
        model.addAttribute("name", views.nameOf(me, object, id));
        model.addAttribute("recordPath", "/o/" + object + "/" + record.id());
        return PAGE;
    }

    private static Map<String, String> typed(MultiValueMap<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("kind", "content", "at", "nextAt")) {
            values.put(field, params.getFirst(field) == null ? "" : params.getFirst(field));
        }
        if (values.get("kind").isBlank()) {
            values.put("kind", FollowUpKind.CALL.code());
        }
        return values;
    }
}
