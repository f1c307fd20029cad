package io.haina.crm.platform.web;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;

/** Builds the {@link Shell} of a request. */
@Component
public class ShellFactory {

    /** Flash attribute holding a message key to show once on the next page. */
    public static final String NOTICE = "notice";
    /** A flash attribute with a problem to show after a redirect, already in the reader's words. */
    public static final String PROBLEM = "problem";

    private final MessageSource messages;
    private final Navigation navigation;
    private final ShellContext context;
    /**
     * Looked up once, on the first page: asking the bean factory for it again on every page cost
     * about 1% of a list page's CPU (issue 3 profile). None when the notification inbox is absent.
     */
    private final SingletonSupplier<UnreadNotices> unread;

    ShellFactory(MessageSource messages, Navigation navigation, ShellContext context, ObjectProvider<UnreadNotices> unread) {
        this.messages = messages;
        this.navigation = navigation;
        this.context = context;
        this.unread = SingletonSupplier.of(() -> unread.getIfAvailable(() -> () -> 0));
    }

    public Shell create(HttpServletRequest request) {
        ShellUser user = context.currentShellUser().orElse(null);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        Object notice = flash == null ? null : flash.get(NOTICE);
        Object problem = flash == null ? null : flash.get(PROBLEM);
        return new Shell(
                messages(request),
                user,
                context.companyName().orElse(null),
                user == null ? Map.of() : navigation.visibleTo(user),
                request.getRequestURI(),
                request.getQueryString(),
                csrf == null ? null : csrf.getHeaderName(),
                csrf == null ? null : csrf.getParameterName(),
                csrf == null ? null : csrf.getToken(),
                notice == null ? null : notice.toString(),
                problem == null ? null : problem.toString(),
                () -> unread.obtain().ofCurrentUser());
    }

    public Messages messages(HttpServletRequest request) {
        return new Messages(messages, RequestContextUtils.getLocale(request));
    }
}
