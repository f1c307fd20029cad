package io.haina.crm.sales.customer.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.records.BulkChanges;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.platform.web.ShellFactory;
import io.haina.crm.sales.customer.CustomerTransfer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Transferring customers: the dialog of the customer list's bulk bar (an htmx fragment) and the
 * page of a customer's "Transfer" button (the same form on a page of its own), which posts here;
 * and {@code POST /api/v1/objects/customer/transfer}.
 */
@Controller
@Tag(name = "Customers")
class CustomerTransferController {

    static final String PATH = "/customers/transfer";
    /** Names shown in the dialog before "and N more". */
    static final int NAMES_SHOWN = 5;

    private final CustomerTransfer transfer;
    private final RecordService records;
    private final Organization organization;
    private final CurrentUsers users;

    CustomerTransferController(CustomerTransfer transfer, RecordService records, Organization organization, CurrentUsers users) {
        this.transfer = transfer;
        this.records = records;
        this.organization = organization;
        this.users = users;
    }

    @GetMapping(PATH)
    String form(@RequestParam(required = false) List<Long> ids, @RequestParam(defaultValue = "") String back,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-Current-URL", required = false) String currentUrl, Model model) {
        CurrentUser me = users.require();
        requireTransfer(me);
        // The list's dialog goes back to the list as it was (its filter and page), which htmx tells.
        String returnTo = back.isBlank() && currentUrl != null ? pathOf(currentUrl) : back;
        TransferForm form = new TransferForm(ids == null ? List.of() : ids, null, true, true, true, returnTo);
        return show(me, form, FormErrors.none(), model, htmx != null);
    }

    @PostMapping(PATH)
    String transfer(@RequestParam(required = false) List<Long> ids, @RequestParam(required = false) Long toUserId,
                    @RequestParam(defaultValue = "false") boolean contacts, @RequestParam(defaultValue = "false") boolean leads,
                    @RequestParam(defaultValue = "false") boolean tasks, @RequestParam(defaultValue = "") String back,
                    Messages msg, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = users.require();
        TransferForm form = new TransferForm(ids == null ? List.of() : ids, toUserId, contacts, leads, tasks, back);
        try {
            if (toUserId == null) {
                throw InvalidInputException.of("toUserId", "customer.transfer.error.receiver");
            }
            transfer.transfer(me.id(), form.ids(), toUserId, new CustomerTransfer.Options(contacts, leads, tasks));
            redirect.addFlashAttribute(ShellFactory.NOTICE, "customer.transfer.done");
            return "redirect:" + form.returnTo();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(me, form, FormErrors.of(e, msg), model, false);
        }
    }

    /** The API's body: which customers, to whom, and what goes along (all of it unless told otherwise). */
    record TransferRequest(List<Long> ids, Long toUserId, Options options) {
        record Options(Boolean contacts, Boolean leads, Boolean tasks) {
        }
    }

    @PostMapping("/api/v1/objects/customer/transfer")
    @ResponseBody
    CustomerTransfer.Outcome transferOverApi(@RequestBody TransferRequest body) {
        if (body.toUserId() == null) {
            throw InvalidInputException.of("toUserId", "customer.transfer.error.receiver");
        }
        TransferRequest.Options options = body.options() == null ? new TransferRequest.Options(null, null, null) : body.options();
        return transfer.transfer(users.require().id(), body.ids() == null ? List.of() : body.ids(), body.toUserId(),
                new CustomerTransfer.Options(!Boolean.FALSE.equals(options.contacts()), !Boolean.FALSE.equals(options.leads()),
                        !Boolean.FALSE.equals(options.tasks())));
    }

    private String show(CurrentUser me, TransferForm form, FormErrors errors, Model model, boolean fragment) {
        List<String> names = new ArrayList<>();
        for (long id : form.ids().stream().distinct().limit(Math.min(NAMES_SHOWN, BulkChanges.MAX_RECORDS)).toList()) {
            names.add(name(me, id));
        }
        model.addAttribute("form", form);
        model.addAttribute("names", names);
        model.addAttribute("count", form.ids().stream().distinct().count());
        model.addAttribute("users", receivers());
        model.addAttribute("errors", errors);
        return fragment ? "customers/transfer-form" : "customers/transfer";
    }

    private String name(CurrentUser me, long id) {
        try {
            RecordData customer = records.read(me.id(), "customer", id);
            return String.valueOf(customer.get("name"));
        } catch (NotFoundException e) {
            return "#" + id;
        }
    }

    private static String pathOf(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private Map<Long, String> receivers() {
        return organization.activeUsers();
    }

    private void requireTransfer(CurrentUser me) {
        if (!transfer.mayTransfer(me.id())) {
            throw new AccessDeniedException("transferring customers");
        }
    }
}
