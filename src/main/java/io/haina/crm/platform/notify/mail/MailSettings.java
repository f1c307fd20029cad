package io.haina.crm.platform.notify.mail;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * How notification e-mails go out: through the SMTP server of {@code spring.mail.*}
 * ({@code HAINA_SMTP_HOST}, ...), from {@code haina.notifications.mail-from}, with links below
 * {@code haina.base-url}. Without an SMTP host Haina sends no e-mail at all and says so once
 * at startup; notices still appear in the app.
 */
@Component
public class MailSettings {

    private static final Logger log = LoggerFactory.getLogger(MailSettings.class);

    private final String host;
    private final int port;
    private final String from;
    private final String baseUrl;
    private final Duration retryFor;

    MailSettings(@Value("${spring.mail.host:}") String host, @Value("${spring.mail.port:25}") int port,
                 @Value("${haina.notifications.mail-from:Haina CRM <noreply@localhost>}") String from,
                 @Value("${haina.base-url:http://localhost:8080}") String baseUrl,
                 @Value("${haina.notifications.mail-retry-for:P3D}") Duration retryFor) {
        this.host = host.strip();
        this.port = port;
        this.from = from;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.retryFor = retryFor;
        if (enabled()) {
            requireAddress(from);
        }
    }

    /** A wrong sender address would fail every e-mail: better to say so at startup. */
    private static void requireAddress(String from) {
        try {
            new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("haina.notifications.mail-from (HAINA_MAIL_FROM) is not an e-mail address: " + from, e);
        }
    }

    public boolean enabled() {
        return !host.isEmpty();
    }

    public String from() {
        return from;
    }

    /** How long a failing e-mail is tried again before it is given up. */
    public Duration retryFor() {
        return retryFor;
    }

    /** A path inside Haina as a full address, for a link in an e-mail. */
    public String absolute(String path) {
        return baseUrl + path;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (enabled()) {
            log.info("Notification e-mails go out through {}:{} from {}; links start with {}", host, port, from, baseUrl);
        } else {
            log.info("Notification e-mails are off: no SMTP server configured (set HAINA_SMTP_HOST to send them)");
        }
    }
}
