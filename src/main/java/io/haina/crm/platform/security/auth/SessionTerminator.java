package io.haina.crm.platform.security.auth;

import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.token.ApiTokenService;

/**
 * Signs a user out everywhere: their sessions on every app instance, their remember-me cookies
 * and their API tokens. Used when a user is disabled or resigns, and after a password reset.
 */
@Component
public class SessionTerminator {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PersistentTokenRepository rememberMeTokens;
    private final ApiTokenService apiTokens;

    SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions,
                      PersistentTokenRepository rememberMeTokens, ApiTokenService apiTokens) {
        this.sessions = sessions;
        this.rememberMeTokens = rememberMeTokens;
        this.apiTokens = apiTokens;
    }

    /** After a user changed their own password: every other session and every API token ends; this session stays. */
    public void signOutElsewhere(long userId, String username, String keepSessionId) {
        sessions.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keepSessionId))
                .forEach(sessions::deleteById);
        rememberMeTokens.removeUserTokens(username);
        apiTokens.revokeAllOf(userId);
    }

    /** Ends sessions and remember-me logins; API tokens too when {@code includingApiTokens}. */
    public void signOutEverywhere(long userId, String username, boolean includingApiTokens) {
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
        rememberMeTokens.removeUserTokens(username);
        if (includingApiTokens) {
            apiTokens.revokeAllOf(userId);
        }
    }
}
