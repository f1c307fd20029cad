package io.haina.crm.platform.security.auth;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import io.haina.crm.platform.security.org.UserRepository;

/** Finds an account by username, case-insensitively. */
@Service
class HainaUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    HainaUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public HainaPrincipal loadUserByUsername(String username) {
        var account = users.findByUsername(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        String hash = users.passwordHash(account.id()).orElseThrow();
        return new HainaPrincipal(account.id(), account.username(), account.status(), hash);
    }
}
