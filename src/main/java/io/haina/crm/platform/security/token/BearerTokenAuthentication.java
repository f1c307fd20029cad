package io.haina.crm.platform.security.token;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import io.haina.crm.platform.security.auth.HainaPrincipal;

/** A request authenticated by an API token: the principal is the token's owner. */
public final class BearerTokenAuthentication extends AbstractAuthenticationToken {

    private final transient Object principal;
    private final String token;

    private BearerTokenAuthentication(String token, HainaPrincipal principal) {
        super(List.of());
        this.token = token;
        this.principal = principal;
        setAuthenticated(principal != null);
    }

    public static BearerTokenAuthentication unauthenticated(String token) {
        return new BearerTokenAuthentication(token, null);
    }

    public static BearerTokenAuthentication authenticated(String token, HainaPrincipal principal) {
        return new BearerTokenAuthentication(token, principal);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    public String token() {
        return token;
    }
}
