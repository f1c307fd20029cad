package io.haina.crm.platform.security.auth;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.haina.crm.platform.security.LoginAttempt;

/**
 * A browser coming back with its remember-me cookie signs in without a password; the login log
 * records it too, as channel {@code REMEMBER_ME}.
 */
@Component
class RememberMeLoginReporter {

    private final ApplicationEventPublisher events;

    RememberMeLoginReporter(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof RememberMeAuthenticationToken token)
                || !(token.getPrincipal() instanceof HainaPrincipal principal)) {
            return;
        }
        ClientInfo client = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? ClientInfo.web(attributes.getRequest()) : new ClientInfo(null, null, "WEB");
        events.publishEvent(new LoginAttempt(principal.getUsername(), principal.userId(), true, null, "REMEMBER_ME",
                client.ip(), client.userAgent()));
    }
}
