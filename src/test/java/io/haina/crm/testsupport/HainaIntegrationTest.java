package io.haina.crm.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An integration test: the whole application on a real PostgreSQL — a throw-away embedded one, or
 * the server named by {@code HAINA_DB_URL} — served on a random port, with an empty database
 * before each test. All integration and browser tests share this one context. E-mail goes to a
 * local port where nobody listens unless a test starts a {@link TestMailServer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"haina.embedded-db.ephemeral=true", "logging.level.io.haina=info",
                // E-mail on, to a local SMTP server tests start when they need one (see TestMailServer).
                "spring.mail.host=localhost", "spring.mail.port=" + TestMailServer.NOBODY_LISTENS,
                // Texts of the notices tests send, besides the application's own.
                "spring.messages.basename=i18n/messages,i18n/test-messages",
                // Nobody waits for a test run's last answers: a graceful stop would wait out the
                // 30 s shutdown phase for the browsers' open event streams, and the test fork with it.
                "server.shutdown=immediate"})
@Import(TestSupportConfiguration.class)
@ExtendWith(CleanDatabaseExtension.class)
public @interface HainaIntegrationTest {
}
