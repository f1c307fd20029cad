package io.haina.crm.platform.security.setup;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The first page of a new installation. */
@Controller
class SetupController {

    private final SetupService setup;

    SetupController(SetupService setup) {
        this.setup = setup;
    }

    @GetMapping(SetupGate.SETUP_PATH)
    String form(Model model) {
        model.addAttribute("form", SetupRequest.empty());
        model.addAttribute("errors", FormErrors.none());
        return "setup/setup";
    }

    @PostMapping(SetupGate.SETUP_PATH)
    String submit(@ModelAttribute SetupRequest form, Messages msg, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        try {
            setup.setUp(form, RequestContextUtils.getLocale(request));
            return "redirect:/login?setup";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            // Never send a password back to the browser.
            model.addAttribute("form", new SetupRequest(form.companyName(), form.username(), form.displayName(),
                    form.email(), "", ""));
            model.addAttribute("errors", FormErrors.of(e, msg));
            return "setup/setup";
        }
    }
}
