package io.haina.crm.platform.security.auth;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import io.haina.crm.platform.security.LoginAttempt;
import io.haina.crm.platform.security.org.UserAccount;
import io.haina.crm.platform.security.org.UserRepository;

/**
 * Username and password sign-in, for the web form and the API alike: refuses a locked username
 * before looking at the password, counts failures, and reports every attempt to the login log.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final UserRepository users;
    private final ApplicationEventPublisher events;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle, UserRepository users,
                                    ApplicationEventPublisher events) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.users = users;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName().strip();
        ClientInfo client = attempt.getDetails() instanceof ClientInfo info ? info : new ClientInfo(null, null, "WEB");
        var locked = throttle.lockedUntil(username);
        if (locked.isPresent()) {
            report(username, client, "LOCKED");
            throw new AccountLockedException(locked.get());
        }
        try {
            Authentication result = passwords.authenticate(attempt);
            throttle.reset(username);
            HainaPrincipal principal = (HainaPrincipal) result.getPrincipal();
            events.publishEvent(new LoginAttempt(username, principal.userId(), true, null, client.channel(), client.ip(),
                    client.userAgent()));
            return result;
        } catch (BadCredentialsException e) {
            boolean nowLocked = throttle.recordFailure(username);
            report(username, client, "BAD_CREDENTIALS");
            if (nowLocked) {
                throw new AccountLockedException(throttle.lockedUntil(username).orElseThrow());
            }
            throw e;
        } catch (DisabledException e) {
            report(username, client, users.findByUsername(username).map(u -> u.status().name()).orElse("DISABLED"));
            throw e;
        } catch (AuthenticationException e) {
            report(username, client, e.getClass().getSimpleName());
            throw e;
        }
    }

    private void report(String username, ClientInfo client, String reason) {
        Long userId = username.isEmpty() ? null : users.findByUsername(username).map(UserAccount::id).orElse(null);
        events.publishEvent(new LoginAttempt(username, userId, false, reason, client.channel(), client.ip(),
                client.userAgent()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The message key telling the user why a sign-in failed. */
    static String messageKey(Exception e) {
        return Optional.ofNullable(e).map(ex -> switch (ex) {
            case AccountLockedException locked -> "login.error.locked";
            case DisabledException disabled -> "login.error.disabled";
            default -> "login.error.bad-credentials";
        }).orElse("login.error.bad-credentials");
    }
}
