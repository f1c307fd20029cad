package io.haina.crm.platform.notify;

import jakarta.mail.internet.MimeMessage;

/** {@link MailParts} for tests of other packages that check what a notice e-mail says. */
public final class MailPartsAccess {

    private MailPartsAccess() {
    }

    public static String subject(MimeMessage message) {
        return MailParts.subject(message);
    }
}
