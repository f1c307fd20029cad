package io.haina.crm.sales.pool.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordPage;
import io.haina.crm.platform.records.pages.FieldDisplay;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;
import io.haina.crm.sales.pool.Pool;
import io.haina.crm.sales.pool.PoolClaims;
import io.haina.crm.sales.pool.PoolDirectory;

/**
 * The pools' pages for their members: the pools open to me, and one pool's records with a claim
 * button on each (and, for its administrators, assignment to a colleague).
 */
@Controller
@RequestMapping("/pools")
class PoolController {

    private final PoolDirectory directory;
    private final PoolClaims claims;
    private final RecordFinder finder;
    private final CurrentUsers users;
    private final Organization organization;

    PoolController(PoolDirectory directory, PoolClaims claims, RecordFinder finder, CurrentUsers users,
                   Organization organization) {
        this.directory = directory;
        this.claims = claims;
        this.finder = finder;
        this.users = users;
        this.organization = organization;
    }

    @GetMapping
    String pools(Model model) {
        model.addAttribute("pools", directory.openTo(users.require().id()));
        return "pools/index";
    }

    @GetMapping("/{id}")
    String pool(@PathVariable long id, @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
                Messages msg, Model model) {
        CurrentUser me = users.require();
        Pool pool = directory.open(me.id(), id);
        ObjectDef object = finder.describe(me.id(), pool.objectCode());
        RecordPage page = directory.records(me.id(), pool, q, cursor);
        model.addAttribute("pool", pool);
        model.addAttribute("object", object);
        model.addAttribute("columns", object.highlightFields());
        model.addAttribute("page", page);
        model.addAttribute("releases", directory.releases(pool, page));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("administered", directory.administers(me.id(), pool));
        model.addAttribute("users", organization.activeUsers());
        model.addAttribute("display", new FieldDisplay(msg, me.timeZone()).withUsers(organization.activeUsers()));
        return "pools/pool";
    }

    @PostMapping("/{id}/records/{recordId}/claim")
    String claim(@PathVariable long id, @PathVariable long recordId, Messages msg, RedirectAttributes redirect) {
        CurrentUser me = users.require();
        Pool pool = directory.open(me.id(), id);
        try {
            claims.claim(me.id(), pool.objectCode(), recordId);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "pool.claimed");
            return "redirect:/o/" + pool.objectCode() + "/" + recordId;
        } catch (ConflictException e) {
            redirect.addFlashAttribute(ShellFactory.PROBLEM, msg.t(e.messageKey(), e.args()));
            return "redirect:/pools/" + id;
        }
    }

    @PostMapping("/{id}/records/{recordId}/assign")
    String assign(@PathVariable long id, @PathVariable long recordId, @RequestParam(defaultValue = "0") long assigneeId,
                  Messages msg, RedirectAttributes redirect) {
        CurrentUser me = users.require();
        Pool pool = directory.open(me.id(), id);
        try {
            claims.assign(me.id(), pool.objectCode(), recordId, assigneeId);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "pool.assigned");
        } catch (ConflictException e) {
            redirect.addFlashAttribute(ShellFactory.PROBLEM, msg.t(e.messageKey(), e.args()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(ShellFactory.PROBLEM, FormErrors.of(e, msg).summary());
        }
        return "redirect:/pools/" + id;
    }

    /** Used by the record page's "claim" button: the pool is the one the record sits in. */
    @PostMapping("/claim/{object}/{recordId}")
    String claimFromRecord(@PathVariable String object, @PathVariable long recordId, Messages msg, RedirectAttributes redirect) {
        CurrentUser me = users.require();
        try {
            claims.claim(me.id(), object, recordId);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "pool.claimed");
        } catch (ConflictException e) {
            redirect.addFlashAttribute(ShellFactory.PROBLEM, msg.t(e.messageKey(), e.args()));
        }
        return "redirect:/o/" + object + "/" + recordId;
    }

}
