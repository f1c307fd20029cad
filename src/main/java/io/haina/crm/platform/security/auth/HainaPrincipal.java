package io.haina.crm.platform.security.auth;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.haina.crm.platform.security.org.UserStatus;

/**
 * Who signed in, as stored in the session: the user's id and name only. Permissions are not
 * copied here; they are read fresh on each request, so a role change needs no new sign-in.
 */
public final class HainaPrincipal implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private final UserStatus status;
    private String passwordHash;

    public HainaPrincipal(long userId, String username, UserStatus status, String passwordHash) {
        this.userId = userId;
        this.username = username;
        this.status = status;
        this.passwordHash = passwordHash;
    }

    public long userId() {
        return userId;
    }

    public UserStatus status() {
        return status;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return status == UserStatus.ACTIVE;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
