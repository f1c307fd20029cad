package io.haina.crm.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Errors raised outside controllers (the servlet container's {@code /error}), in the same two forms. */
@Controller
class ErrorPageController implements ErrorController {

    private final ShellFactory shells;
    private final DataSize maxFileSize;

    ErrorPageController(ShellFactory shells,
                        @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.shells = shells;
        this.maxFileSize = maxFileSize;
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
            case CONTENT_TOO_LARGE -> "error.file-too-large";
            default -> status.is4xxClientError() ? "error.bad-request" : "error.unexpected";
        };
        // Uploads over the limit are refused while the request is read, before any controller.
        Object[] args = status == HttpStatus.CONTENT_TOO_LARGE ? new Object[] {maxFileSize.toMegabytes() + " MB"} : null;
        if (ApiRequests.isApi(request)) {
            return ErrorResponses.problem(shells.messages(request), status, key, args,
                    String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)), java.util.Map.of());
        }
        ModelAndView page = new ModelAndView("errors/page", status);
        page.addObject("status", status.value());
        page.addObject("message", shells.messages(request).t(key, args == null ? new Object[0] : args));
        return page;
    }
}
