package io.haina.crm.platform.web;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Errors raised outside controllers (the servlet container's {@code /error}), in the same two forms. */
@Controller
class ErrorPageController implements ErrorController {

    private final ShellFactory shells;

    ErrorPageController(ShellFactory shells) {
        this.shells = shells;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String key = switch (status) {
            case NOT_FOUND -> "error.not-found";
            case FORBIDDEN -> "error.forbidden";
            case BAD_REQUEST -> "error.bad-request";
            case PAYLOAD_TOO_LARGE -> "error.too-large";
            default -> status.is4xxClientError() ? "error.bad-request" : "error.unexpected";
        };
        if (ApiRequests.isApi(request)) {
            return ErrorResponses.problem(shells.messages(request), status, key, null,
                    String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)), java.util.Map.of());
        }
        ModelAndView page = new ModelAndView("errors/page", status);
        page.addObject("status", status.value());
        page.addObject("message", shells.messages(request).t(key));
        return page;
    }
}
