package io.haina.crm.platform.security.account;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.security.AdminOperation;
import io.haina.crm.platform.security.auth.PasswordPolicy;
import io.haina.crm.platform.security.auth.SessionTerminator;
import io.haina.crm.platform.security.org.UserAccount;
import io.haina.crm.platform.security.org.UserRepository;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.platform.web.SupportedLanguages;

/** What users change about themselves: name, language, time zone, password. */
@Service
@Transactional
public class AccountService {

    private final UserRepository users;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final SessionTerminator sessions;
    private final ApplicationEventPublisher events;

    AccountService(UserRepository users, PasswordPolicy policy, PasswordEncoder encoder, SessionTerminator sessions,
                   ApplicationEventPublisher events) {
        this.users = users;
        this.policy = policy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.events = events;
    }

    public void savePreferences(long userId, String displayName, String language, String timeZone) {
        InputChecks checks = new InputChecks();
        String name = checks.required("displayName", displayName, 100);
        Locale locale = SupportedLanguages.match(language).orElse(null);
        checks.check(locale != null, "language", "account.error.language");
        checks.check(isZone(timeZone), "timeZone", "account.error.time-zone");
        checks.throwIfAny();
        users.setPreferences(userId, name, locale.toLanguageTag(), timeZone);
    }

    /** The "also e-mail me notifications" switch; notifications in the app come either way. */
    public void setEmailNotifications(long userId, boolean on) {
        users.setEmailNotifications(userId, on);
    }

    /** Changes the password; every other session, remember-me cookie and API token of the user ends. */
    public void changePassword(long userId, String current, String next, String confirmation, String keepSessionId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("user " + userId));
        String hash = users.passwordHash(userId).orElseThrow();
        InputChecks checks = new InputChecks();
        checks.check(current != null && encoder.matches(current, hash), "currentPassword", "password.wrong-current");
        policy.problem(next, user.username()).ifPresent(key -> checks.add("newPassword", key, PasswordPolicy.MIN_LENGTH));
        checks.check(next != null && next.equals(confirmation), "confirmPassword", "password.mismatch");
        checks.throwIfAny();
        users.setPasswordHash(userId, encoder.encode(next));
        sessions.signOutElsewhere(userId, user.username(), keepSessionId);
        events.publishEvent(new AdminOperation(userId, "PASSWORD_CHANGED", "user", userId, user.displayName(), Map.of()));
    }

    private static boolean isZone(String id) {
        try {
            return id != null && !id.isBlank() && ZoneId.of(id) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
