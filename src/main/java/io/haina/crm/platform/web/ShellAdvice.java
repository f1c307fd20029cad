package io.haina.crm.platform.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/** Puts the {@link Shell} into the model of every page controller. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellAdvice {

    private final ShellFactory shells;

    ShellAdvice(ShellFactory shells) {
        this.shells = shells;
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        return shells.create(request);
    }
}
