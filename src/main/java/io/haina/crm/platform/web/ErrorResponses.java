package io.haina.crm.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one place errors become answers: an error page in the user's language for a browser, an
 * RFC 9457 problem (also in the user's language) for the API under {@code /api/}. Stack traces
 * are logged, never shown.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final ShellFactory shells;
    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;

    ErrorResponses(ShellFactory shells,
                   @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
                   @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
        this.shells = shells;
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalidInput(InvalidInputException e, HttpServletRequest request) {
        Messages msg = shells.messages(request);
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field() == null ? "" : p.field(), "message", msg.t(p.messageKey(), p.args())))
                .toList();
        return respond(request, HttpStatus.BAD_REQUEST, "error.invalid-input", null, Map.of("errors", errors));
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, e.messageKey(), e.args(), e.details());
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    Object notFound(Exception e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "error.not-found", null, Map.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object forbidden(AccessDeniedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "error.forbidden", null, Map.of());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    Object badRequest(Exception e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "error.bad-request", null, Map.of());
    }

    /**
     * An upload over {@code spring.servlet.multipart.max-file-size} (one file too large) or
     * {@code max-request-size} (several files together): said with the limit, not as a crash.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        if (causedBy(e, "SizeLimitExceededException")) {
            return respond(request, HttpStatus.CONTENT_TOO_LARGE, "error.upload-too-large",
                    new Object[] {maxRequestSize.toMegabytes() + " MB"}, Map.of());
        }
        return respond(request, HttpStatus.CONTENT_TOO_LARGE, "error.file-too-large",
                new Object[] {maxFileSize.toMegabytes() + " MB"}, Map.of());
    }

    /** Whether the servlet container's reason is of this (simple) class name: it names no limit itself. */
    private static boolean causedBy(Throwable e, String simpleName) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(Exception e, HttpServletRequest request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "error.method-not-allowed", null, Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedMediaType(Exception e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.unsupported-media-type", null, Map.of());
    }

    /**
     * Anything else is a bug, logged with its stack trace, except a browser that went away while
     * being answered (a page left while a font or script was still loading): nothing to log or
     * answer then, and the response may already be half sent. Taking the response marks the
     * request as handled when nothing is returned.
     */
    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", null, Map.of());
    }

    private Object respond(HttpServletRequest request, HttpStatus status, String messageKey, Object[] args,
                           Map<String, Object> extra) {
        if (ApiRequests.isApi(request)) {
            return problem(shells.messages(request), status, messageKey, args, request.getRequestURI(), extra);
        }
        ModelAndView page = new ModelAndView("errors/page", status);
        page.addObject(ShellInterceptor.ATTRIBUTE, shells.create(request));
        page.addObject("status", status.value());
        page.addObject("message", shells.messages(request).t(messageKey, args == null ? new Object[0] : args));
        return page;
    }

    static ResponseEntity<ProblemDetail> problem(Messages msg, HttpStatus status, String messageKey, Object[] args,
                                                 String path, Map<String, Object> extra) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, msg.t(messageKey, args == null ? new Object[0] : args));
        problem.setTitle(msg.t("error.title." + status.value()));
        problem.setType(URI.create("https://haina.io/problems/" + messageKey.replace('.', '-')));
        problem.setInstance(URI.create(path));
        extra.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
