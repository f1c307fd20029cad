package io.haina.crm.testsupport;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) for each test of a class, on a free port, with the application's
 * mail sender pointed at it: {@code @RegisterExtension final TestMailServer mail = new TestMailServer();}.
 * {@link #down()} points the sender at a port where nobody listens, as when the SMTP server is out.
 */
public final class TestMailServer implements BeforeEachCallback, AfterEachCallback {

    /** A port nothing listens on: connecting is refused at once. */
    public static final int NOBODY_LISTENS = 1;

    private GreenMail server;
    private JavaMailSenderImpl sender;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        sender = SpringExtension.getApplicationContext(context).getBean(JavaMailSenderImpl.class);
        up();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        down();
        server.stop();
    }

    /** The SMTP server answers. */
    public void up() {
        sender.setPort(server.getSmtp().getPort());
    }

    /** The SMTP server is out of reach. */
    public void down() {
        sender.setPort(NOBODY_LISTENS);
    }

    /** Waits until the server has received this many e-mails in all, and returns them. */
    public List<MimeMessage> await(int count, Duration timeout) {
        if (!server.waitForIncomingEmail(timeout.toMillis(), count)) {
            throw new AssertionError("expected " + count + " e-mails, got " + received().size());
        }
        return received();
    }

    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }
}
