package io.haina.crm.platform.notify;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The plain-text and HTML bodies of a received e-mail, decoded. */
final class MailParts {

    private MailParts() {
    }

    static String plain(MimeMessage message) {
        return find(message, "text/plain");
    }

    static String html(MimeMessage message) {
        return find(message, "text/html");
    }

    /** The recipient's address. */
    static String recipient(MimeMessage message) {
        return to(message).getAddress();
    }

    /** The recipient's name, as the e-mail gives it. */
    static String recipientName(MimeMessage message) {
        return to(message).getPersonal();
    }

    private static InternetAddress to(MimeMessage message) {
        try {
            return (InternetAddress) message.getAllRecipients()[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = find(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
