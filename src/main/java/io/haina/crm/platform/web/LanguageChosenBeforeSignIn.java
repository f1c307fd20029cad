package io.haina.crm.platform.web;

import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A language picked on the sign-in page is the language the user gets after signing in: it
 * becomes their choice, ahead of the one stored on their account. Only a pick made in this browser
 * session counts (kept in the session, which survives signing in), not the long-lived cookie, so
 * the next person on a shared computer keeps their own language.
 */
@Component
class LanguageChosenBeforeSignIn {

    static final String SESSION_ATTRIBUTE = LanguageChosenBeforeSignIn.class.getName();

    private final LanguagePreference preference;

    LanguageChosenBeforeSignIn(LanguagePreference preference) {
        this.preference = preference;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || !(request.getAttribute(SESSION_ATTRIBUTE, RequestAttributes.SCOPE_SESSION) instanceof String tag)) {
            return;
        }
        request.removeAttribute(SESSION_ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
        SupportedLanguages.match(tag).ifPresent(preference::rememberForCurrentUser);
    }

    /** Notes a pick made before signing in. */
    static void chosen(HttpServletRequest request, Locale locale) {
        request.getSession().setAttribute(SESSION_ATTRIBUTE, locale.toLanguageTag());
    }
}
