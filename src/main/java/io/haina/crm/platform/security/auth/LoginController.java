package io.haina.crm.platform.security.auth;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.haina.crm.platform.security.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The sign-in page. Spring Security handles the POST; this shows the form and why the last try failed. */
@Controller
class LoginController {

    /** Session attribute: the username of the last failed sign-in, to fill in again. */
    static final String LAST_USERNAME = LoginController.class.getName() + ".username";

    private final CurrentUsers users;

    LoginController(CurrentUsers users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        if (users.current().isPresent()) {
            return "redirect:/";
        }
        String message = null;
        String username = "";
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Exception failure = session == null ? null : (Exception) session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            message = ThrottledAuthenticationProvider.messageKey(failure);
            if (session != null && session.getAttribute(LAST_USERNAME) instanceof String last) {
                username = last;
            }
        } else if (request.getParameter("disabled") != null) {
            message = "login.error.disabled";
        }
        model.addAttribute("errorKey", message);
        model.addAttribute("infoKey", request.getParameter("logout") != null ? "login.logged-out"
                : request.getParameter("setup") != null ? "login.setup-done" : null);
        model.addAttribute("username", username);
        return "auth/login";
    }
}
