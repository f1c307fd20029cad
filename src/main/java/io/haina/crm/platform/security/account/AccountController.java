package io.haina.crm.platform.security.account;

import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.org.UserAccount;
import io.haina.crm.platform.security.org.UserRepository;
import io.haina.crm.platform.security.token.ApiTokenService;
import io.haina.crm.platform.security.token.IssuedToken;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;
import io.haina.crm.platform.web.SupportedLanguages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** My account: profile and language, password, API tokens. */
@Controller
@RequestMapping(AccountController.PATH)
class AccountController {

    static final String PATH = "/account";
    /** Zones offered first; any other IANA zone id is accepted too. */
    static final List<String> COMMON_ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore",
            "Asia/Tokyo", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC");

    private final AccountService accounts;
    private final UserRepository users;
    private final ApiTokenService tokens;
    private final CurrentUsers current;
    private final LocaleResolver localeResolver;

    AccountController(AccountService accounts, UserRepository users, ApiTokenService tokens, CurrentUsers current,
                      LocaleResolver localeResolver) {
        this.accounts = accounts;
        this.users = users;
        this.tokens = tokens;
        this.current = current;
        this.localeResolver = localeResolver;
    }

    @GetMapping
    String page(Model model) {
        return show(model, FormErrors.none(), FormErrors.none(), FormErrors.none(), null);
    }

    @PostMapping("/preferences")
    String preferences(@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String language,
                       @RequestParam(defaultValue = "") String timeZone, Messages msg, Model model,
                       HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            accounts.savePreferences(me().id(), displayName, language, timeZone);
            SupportedLanguages.match(language).ifPresent(l -> localeResolver.setLocale(request, response, l));
            redirect.addFlashAttribute(ShellFactory.NOTICE, "account.saved");
            return "redirect:" + PATH;
        } catch (InvalidInputException e) {
            return show(model, FormErrors.of(e, msg), FormErrors.none(), FormErrors.none(), null);
        }
    }

    @PostMapping("/notifications")
    String notifications(@RequestParam(defaultValue = "false") boolean emailNotifications, RedirectAttributes redirect) {
        accounts.setEmailNotifications(me().id(), emailNotifications);
        redirect.addFlashAttribute(ShellFactory.NOTICE, "account.saved");
        return "redirect:" + PATH;
    }

    @PostMapping("/password")
    String password(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
                    @RequestParam(defaultValue = "") String confirmPassword, Messages msg, Model model,
                    HttpServletRequest request, RedirectAttributes redirect) {
        try {
            accounts.changePassword(me().id(), currentPassword, newPassword, confirmPassword, request.getSession().getId());
            redirect.addFlashAttribute(ShellFactory.NOTICE, "account.password-changed");
            return "redirect:" + PATH;
        } catch (InvalidInputException e) {
            return show(model, FormErrors.none(), FormErrors.of(e, msg), FormErrors.none(), null);
        }
    }

    @PostMapping("/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, Messages msg, Model model) {
        try {
            IssuedToken issued = tokens.issue(me().id(), name);
            return show(model, FormErrors.none(), FormErrors.none(), FormErrors.none(), issued);
        } catch (InvalidInputException e) {
            return show(model, FormErrors.none(), FormErrors.none(), FormErrors.of(e, msg), null);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(me().id(), id);
        redirect.addFlashAttribute(ShellFactory.NOTICE, "account.token-revoked");
        return "redirect:" + PATH + "#tokens";
    }

    private String show(Model model, FormErrors preferenceErrors, FormErrors passwordErrors, FormErrors tokenErrors,
                        IssuedToken issued) {
        CurrentUser me = me();
        UserAccount account = users.findById(me.id()).orElseThrow();
        model.addAttribute("account", account);
        model.addAttribute("timeZone", me.timeZone().getId());
        model.addAttribute("emailNotifications", users.emailNotifications(me.id()));
        model.addAttribute("zones", zones(me.timeZone()));
        model.addAttribute("tokens", tokens.listOf(me.id()));
        model.addAttribute("issued", issued);
        model.addAttribute("preferenceErrors", preferenceErrors);
        model.addAttribute("passwordErrors", passwordErrors);
        model.addAttribute("tokenErrors", tokenErrors);
        return "account/account";
    }

    private static List<String> zones(ZoneId mine) {
        return COMMON_ZONES.contains(mine.getId()) ? COMMON_ZONES
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(mine.getId()), COMMON_ZONES.stream()).toList();
    }

    private CurrentUser me() {
        return current.require();
    }
}
