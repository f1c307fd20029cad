package io.haina.crm.platform.security.token;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import io.haina.crm.platform.security.auth.HainaPrincipal;
import io.haina.crm.platform.security.auth.SignedInUsers;
import io.haina.crm.platform.security.org.UserAccount;
import io.haina.crm.platform.security.org.CachedAccounts;

/** Accepts a valid token of an active user. */
public class BearerTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokenService tokens;
    private final CachedAccounts accounts;

    public BearerTokenAuthenticationProvider(ApiTokenService tokens, CachedAccounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthentication) authentication).token();
        UserAccount user = tokens.authenticate(token).flatMap(accounts::find).filter(UserAccount::active)
                .orElseThrow(() -> new BadCredentialsException("invalid, expired or revoked token"));
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SignedInUsers.AUTHENTICATED_ACCOUNT, user, RequestAttributes.SCOPE_REQUEST);
        }
        return BearerTokenAuthentication.authenticated(token,
                new HainaPrincipal(user.id(), user.username(), user.status(), null));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
