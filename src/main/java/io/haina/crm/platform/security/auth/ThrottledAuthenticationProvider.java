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
import org.springframework.transaction.support.TransactionTemplate;

import io.haina.crm.platform.security.LoginAttempt;
import io.haina.crm.platform.security.org.UserAccount;
import io.haina.crm.platform.security.org.UserRepository;

/**
 * Username and password sign-in, for the web form and the API alike: refuses a locked username
 * before looking at the password, counts failures, and reports every attempt to the login log.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final int MAX_USERNAME_LENGTH = 64;

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final UserRepository users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle, UserRepository users,
                                    ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName().strip();
        ClientInfo client = attempt.getDetails() instanceof ClientInfo info ? info : new ClientInfo(null, null, "WEB");
        if (username.isEmpty() || username.length() > MAX_USERNAME_LENGTH) {
            report(username.substring(0, Math.min(username.length(), MAX_USERNAME_LENGTH)), client, "BAD_CREDENTIALS");
            throw new BadCredentialsException("no such username");
        }
        // One transaction per attempt holding a per-username lock: check, verify, count, log — then answer.
        Outcome outcome = transactions.execute(status -> attemptInTurn(attempt, username, client));
        return outcome.resultOrThrow();
    }

    private Outcome attemptInTurn(Authentication attempt, String username, ClientInfo client) {
        throttle.serialize(username);
        var locked = throttle.lockedUntil(username);
        if (locked.isPresent()) {
            report(username, client, "LOCKED");
            return Outcome.failed(new AccountLockedException(locked.get()));
        }
        try {
            Authentication result = passwords.authenticate(attempt);
            throttle.reset(username);
            HainaPrincipal principal = (HainaPrincipal) result.getPrincipal();
            events.publishEvent(new LoginAttempt(username, principal.userId(), true, null, client.channel(), client.ip(),
                    client.userAgent()));
            return Outcome.succeeded(result);
        } catch (BadCredentialsException e) {
            boolean nowLocked = throttle.recordFailure(username);
            report(username, client, "BAD_CREDENTIALS");
            return Outcome.failed(nowLocked ? new AccountLockedException(throttle.lockedUntil(username).orElseThrow()) : e);
        } catch (DisabledException e) {
            // Only reached with the right password: the status is checked after it (see SecurityConfiguration).
            report(username, client, users.findByUsername(username).map(u -> u.status().name()).orElse("DISABLED"));
            return Outcome.failed(e);
        } catch (AuthenticationException e) {
            report(username, client, e.getClass().getSimpleName());
            return Outcome.failed(e);
        }
    }

    /** What an attempt came to; failures are thrown only after their count and log line are committed. */
    private record Outcome(Authentication result, AuthenticationException failure) {
        static Outcome succeeded(Authentication result) {
            return new Outcome(result, null);
        }

        static Outcome failed(AuthenticationException failure) {
            return new Outcome(null, failure);
        }

        Authentication resultOrThrow() {
            if (failure != null) {
                throw failure;
            }
            return result;
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
