package io.haina.crm.sales.assignment.web;

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

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.platform.web.ShellFactory;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Giving one lead to a colleague from its page (a customer goes with its contacts and leads by the
 * customers' own transfer). The engine's transfer decides (the
 * TRANSFER grant, the record within the actor's reach to change, an active new owner); the new
 * owner is told as for every change of owner.
 */
@Controller
@RequestMapping("/assign")
class RecordAssignController {

    private static final List<String> OBJECTS = List.of("lead");

    private final RecordService records;
    private final RecordFinder finder;
    private final CurrentUsers users;
    private final Organization organization;
    private final Permissions permissions;

    RecordAssignController(RecordService records, RecordFinder finder, CurrentUsers users, Organization organization,
                           Permissions permissions) {
        this.records = records;
        this.finder = finder;
        this.users = users;
        this.organization = organization;
        this.permissions = permissions;
    }

    @GetMapping("/{object}/{id}")
    String form(@PathVariable String object, @PathVariable long id, Model model) {
        CurrentUser me = users.require();
        requireAssignable(me, object);
        RecordData record = records.read(me.id(), object, id);
        return form(me, object, record, record.ownerId(), FormErrors.none(), model);
    }

    @PostMapping("/{object}/{id}")
    String assign(@PathVariable String object, @PathVariable long id, @RequestParam(defaultValue = "0") long ownerId,
                  Messages msg, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = users.require();
        requireAssignable(me, object);
        RecordData done;
        try {
            done = records.transfer(me.id(), object, id, ownerId);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(me, object, records.read(me.id(), object, id), ownerId, FormErrors.of(e, msg), model);
        }
        ObjectDef def = finder.describe(me.id(), object);
        redirect.addFlashAttribute(ShellFactory.NOTICE, "assignment.assign.done");
        // Given to someone outside the actor's reach, the record may no longer be theirs to open.
        boolean stillVisible = !finder.visibleByIds(me.id(), object, List.of(id)).isEmpty();
        return "redirect:/o/" + def.code() + (stillVisible ? "/" + done.id() : "");
    }

    /** "Not found" for objects that are not assigned this way; "forbidden" without the grant, before any record is read. */
    private void requireAssignable(CurrentUser me, String object) {
        if (!OBJECTS.contains(object)) {
            throw new NotFoundException("no assigning of " + object);
        }
        permissions.require(me.id(), object, ObjectAction.TRANSFER);
    }

    private String form(CurrentUser me, String object, RecordData record, Long chosen, FormErrors errors, Model model) {
        ObjectDef def = finder.describe(me.id(), object);
        Map<Long, String> candidates = new LinkedHashMap<>();
        organization.activeUsers().forEach((user, name) -> {
            if (permissions.can(user, object, ObjectAction.VIEW)) {
                candidates.put(user, name);
            }
        });
        model.addAttribute("object", def);
        model.addAttribute("record", record);
        model.addAttribute("recordName", String.valueOf(record.get(def.nameField())));
        model.addAttribute("ownerName", record.ownerId() == null ? "" : organization.displayNameOf(record.ownerId()).orElse(""));
        model.addAttribute("users", candidates);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        return "assignment/assign";
    }
}
