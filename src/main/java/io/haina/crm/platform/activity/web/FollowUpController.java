package io.haina.crm.platform.activity.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.activity.FollowUp;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.activity.Timeline;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;

/** One follow-up on a timeline: comments under it, and its deletion by its author. */
@Controller
@RequestMapping("/follow-ups/{id}")
class FollowUpController {

    static final String COMMENTS = "activity/comments";

    private final FollowUps followUps;
    private final CurrentUsers users;
    private final TimelineViews views;

    FollowUpController(FollowUps followUps, CurrentUsers users, TimelineViews views) {
        this.followUps = followUps;
        this.users = users;
        this.views = views;
    }

    @PostMapping("/comments")
    String comment(@PathVariable long id, @RequestParam(defaultValue = "") String body,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Messages msg, Model model,
                   RedirectAttributes redirect) {
        CurrentUser me = users.require();
        String error = null;
        try {
            followUps.comment(me.id(), id, body);
        } catch (InvalidInputException e) {
            error = FormErrors.of(e, msg).summary();
        }
        FollowUp followUp = followUps.find(me.id(), id);
        if (htmx == null) {
            redirect.addFlashAttribute(error == null ? ShellFactory.NOTICE : ShellFactory.PROBLEM,
                    error == null ? "follow-up.commented" : error);
            return "redirect:/o/" + followUp.objectCode() + "/" + followUp.recordId() + "#follow-up-" + id;
        }
        var shown = new Timeline.FollowUpEntry(followUp, followUps.commentsOf(List.of(followUp)).getOrDefault(id, List.of()),
                followUps.filesOf(List.of(followUp)).getOrDefault(id, List.of()));
        model.addAttribute("followUpId", id);
        model.addAttribute("comments", shown.comments());
        model.addAttribute("view", views.of(me, followUp.objectCode(), followUp.recordId(),
                new Timeline.Page(List.of(shown), null), msg));
        model.addAttribute("error", error);
        model.addAttribute("typed", error == null ? "" : body);
        return COMMENTS;
    }

    /** Deletes it; htmx swaps the entry for nothing. */
    @PostMapping("/delete")
    @ResponseBody
    String delete(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  jakarta.servlet.http.HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser me = users.require();
        FollowUp followUp = followUps.find(me.id(), id);
        followUps.delete(me.id(), id);
        if (htmx == null) {
            response.setStatus(303);
            response.setHeader("Location", "/o/" + followUp.objectCode() + "/" + followUp.recordId());
        }
        return "";
    }
}
