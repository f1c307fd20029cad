package io.haina.crm.platform.security.setup;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import io.haina.crm.platform.web.InvalidInputException;

/**
 * Unattended installs: with {@code HAINA_ADMIN_USERNAME} and {@code HAINA_ADMIN_PASSWORD} set, the
 * first start creates the administrator instead of showing the setup page. The password must pass
 * the same policy as on the page; a weak one stops the start with the reason, rather than leaving
 * an installation with an account an attacker could guess.
 */
@Component
class BootstrapAdministrator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final SetupService setup;
    private final SetupState state;
    private final MessageSource messages;
    private final String username;
    private final String password;
    private final String displayName;
    private final String email;
    private final String companyName;

    BootstrapAdministrator(SetupService setup, SetupState state, MessageSource messages,
                           @Value("${haina.bootstrap-admin.username:}") String username,
                           @Value("${haina.bootstrap-admin.password:}") String password,
                           @Value("${haina.bootstrap-admin.display-name:}") String displayName,
                           @Value("${haina.bootstrap-admin.email:}") String email,
                           @Value("${haina.bootstrap-admin.company-name:}") String companyName) {
        this.setup = setup;
        this.state = state;
        this.messages = messages;
        this.username = username;
        this.password = password;
        this.displayName = displayName;
        this.email = email;
        this.companyName = companyName;
    }

    /**
     * Runs once every bean is ready and before the web server opens its port, so that nobody can
     * reach the setup page first.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (!StringUtils.hasText(username) || !StringUtils.hasText(password) || state.isComplete()) {
            return;
        }
        Locale locale = Locale.ENGLISH;
        String mail = StringUtils.hasText(email) ? email : username.contains("@") ? username : username + "@localhost.localdomain";
        try {
            setup.setUp(new SetupRequest(StringUtils.hasText(companyName) ? companyName : "Haina CRM", username,
                    StringUtils.hasText(displayName) ? displayName : username, mail, password, password), locale);
            log.info("Created the administrator '{}' from HAINA_ADMIN_USERNAME", username);
        } catch (InvalidInputException e) {
            String reasons = e.problems().stream()
                    .map(p -> p.field() + ": " + messages.getMessage(p.messageKey(), p.args(), locale)).toList().toString();
            throw new IllegalStateException("HAINA_ADMIN_USERNAME / HAINA_ADMIN_PASSWORD refused: " + reasons);
        }
    }
}
