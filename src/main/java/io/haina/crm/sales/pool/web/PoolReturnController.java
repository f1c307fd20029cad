package io.haina.crm.sales.pool.web;

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
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.sales.pool.PoolReturns;

/** Returning a record to a pool by hand (with a reason) and locking it against automatic return. */
@Controller
@RequestMapping("/pools")
class PoolReturnController {

    private final PoolReturns returns;
    private final RecordService records;
    private final RecordFinder finder;
    private final CurrentUsers users;

    PoolReturnController(PoolReturns returns, RecordService records, RecordFinder finder, CurrentUsers users) {
        this.returns = returns;
        this.records = records;
        this.finder = finder;
        this.users = users;
    }

    @GetMapping("/return/{object}/{id}")
    String form(@PathVariable String object, @PathVariable long id, Model model) {
        return form(users.require(), object, id, null, "", FormErrors.none(), model);
    }

    @PostMapping("/return/{object}/{id}")
    String returnToPool(@PathVariable String object, @PathVariable long id, @RequestParam(defaultValue = "0") long poolId,
                        @RequestParam(defaultValue = "") String reason, Messages msg, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.require();
        try {
            returns.returnToPool(me.id(), object, id, poolId, reason);
        } catch (InvalidInputException e) {
            return form(me, object, id, poolId, reason, FormErrors.of(e, msg), model);
        } catch (ConflictException e) {
            return form(me, object, id, poolId, reason, FormErrors.of(e, null, msg), model);
        }
        redirect.addFlashAttribute(ShellFactory.NOTICE, "pool.returned." + object);
        return "redirect:/o/" + object;
    }

    @PostMapping("/lock/{object}/{id}")
    String lock(@PathVariable String object, @PathVariable long id, @RequestParam boolean locked, Messages msg,
                RedirectAttributes redirect) {
        try {
            returns.lockAgainstReturn(users.require().id(), object, id, locked);
            redirect.addFlashAttribute(ShellFactory.NOTICE, locked ? "pool.locked" : "pool.unlocked");
        } catch (ConflictException e) {
            redirect.addFlashAttribute(ShellFactory.PROBLEM, msg.t(e.messageKey(), e.args()));
        }
        return "redirect:/o/" + object + "/" + id;
    }

    private String form(CurrentUser me, String object, long id, Long poolId, String reason, FormErrors errors, Model model) {
        RecordData record = records.read(me.id(), object, id);
        ObjectDef def = finder.describe(me.id(), object);
        model.addAttribute("object", def);
        model.addAttribute("record", record);
        model.addAttribute("recordName", String.valueOf(record.get(def.nameField())));
        model.addAttribute("pools", returns.poolsFor(me.id(), object));
        model.addAttribute("poolId", poolId);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "pools/return";
    }
}
