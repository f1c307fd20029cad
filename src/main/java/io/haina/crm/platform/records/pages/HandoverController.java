package io.haina.crm.platform.records.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.records.UserHandover;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;
import io.haina.crm.platform.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Transfer everything" of a resigned user, beside the user's admin page: what they hold, kind by
 * kind, and one button that gives it all to a colleague. Lives with the record engine, which
 * knows every object; the user pages only link here.
 */
@Controller
@RequestMapping(HandoverController.PATH)
class HandoverController {

    static final String PATH = "/org/users/{id}/handover";

    private final UserHandover handover;
    private final Organization organization;
    private final CurrentUsers users;

    HandoverController(UserHandover handover, Organization organization, CurrentUsers users) {
        this.handover = handover;
        this.organization = organization;
        this.users = users;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        return show(id, null, FormErrors.none(), model);
    }

    @PostMapping
    String run(@PathVariable long id, @RequestParam(required = false) Long toUserId, Messages msg, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        long actor = users.require().id();
        try {
            if (toUserId == null) {
                throw InvalidInputException.of("toUserId", "handover.error.receiver");
            }
            redirect.addFlashAttribute("moved", handover.handOver(actor, id, toUserId));
            redirect.addFlashAttribute(ShellFactory.NOTICE, "handover.done");
            return "redirect:/org/users/" + id + "/handover";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(id, toUserId, FormErrors.of(e, msg), model);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(id, toUserId, FormErrors.of(e, null, msg), model);
        }
    }

    private String show(long id, Long toUserId, FormErrors errors, Model model) {
        long actor = users.require().id();
        List<UserHandover.Holding> holdings = handover.holdings(actor, id);
        Map<Long, String> receivers = new LinkedHashMap<>(organization.activeUsers());
        receivers.remove(id);
        model.addAttribute("userId", id);
        model.addAttribute("userName", organization.displayNameOf(id).orElseThrow(() -> new NotFoundException("user " + id)));
        model.addAttribute("resigned", organization.hasResigned(id));
        model.addAttribute("holdings", holdings);
        model.addAttribute("total", holdings.stream().mapToInt(UserHandover.Holding::count).sum());
        model.addAttribute("receivers", receivers);
        model.addAttribute("toUserId", toUserId);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("moved")) {
            model.addAttribute("moved", null);
        }
        return "records/handover";
    }
}
