package io.haina.crm.platform.audit;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.NavItem;

/** The sign-in log and the admin operation log. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    static final String LOGINS = "/admin/audit/logins";
    static final String OPERATIONS = "/admin/audit/operations";

    private final AuditLog log;
    private final CurrentUsers users;

    AuditController(AuditLog log, CurrentUsers users) {
        this.log = log;
        this.users = users;
    }

    @GetMapping("/logins")
    String logins(@RequestParam(required = false) String username, @RequestParam(required = false) Boolean success,
                  @RequestParam(required = false) Long before, Model model) {
        CurrentUser me = users.require();
        List<LoginLogEntry> entries = log.logins(me.id(), username, success, before);
        model.addAttribute("entries", entries);
        model.addAttribute("username", username == null ? "" : username);
        model.addAttribute("success", success);
        model.addAttribute("zone", me.timeZone());
        model.addAttribute("nextBefore", entries.size() == AuditLog.PAGE_SIZE ? entries.getLast().id() : null);
        return "audit/logins";
    }

    @GetMapping("/operations")
    String operations(@RequestParam(required = false) String type, @RequestParam(required = false) Long before,
                      Model model) {
        CurrentUser me = users.require();
        List<OperationLogEntry> entries = log.operations(me.id(), type, before);
        model.addAttribute("entries", entries);
        model.addAttribute("type", type == null ? "" : type);
        model.addAttribute("zone", me.timeZone());
        model.addAttribute("nextBefore", entries.size() == AuditLog.PAGE_SIZE ? entries.getLast().id() : null);
        return "audit/operations";
    }

    @Configuration(proxyBeanMethods = false)
    static class AuditNavigation {
        @Bean
        NavItem loginLogNavItem() {
            return new NavItem(NavItem.Section.ADMIN, "nav.login-log", "box-arrow-in-right", LOGINS, "admin", 80);
        }

        @Bean
        NavItem operationLogNavItem() {
            return new NavItem(NavItem.Section.ADMIN, "nav.operation-log", "journal-text", OPERATIONS, "admin", 90);
        }
    }
}
