package io.haina.crm.platform.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Puts the {@link Shell} into the model of every page controller. {@code @RestController} carries
 * {@code @Controller}, so the selector alone lets the API in too: there the shell is left out, as
 * building it (messages, navigation, company name, CSRF token) was a measurable share of every API
 * request's time and no JSON answer shows it.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellAdvice {

    private final ShellFactory shells;

    ShellAdvice(ShellFactory shells) {
        this.shells = shells;
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        return ApiRequests.isApi(request) ? null : shells.create(request);
    }
}
