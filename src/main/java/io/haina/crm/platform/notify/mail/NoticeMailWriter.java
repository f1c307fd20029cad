package io.haina.crm.platform.notify.mail;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.haina.crm.platform.notify.inbox.StoredNotice;
import io.haina.crm.platform.security.UserContact;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.SupportedLanguages;

/**
 * Writes a notice's e-mail in its recipient's language (the one they chose, else Haina's
 * default): the notice's text as subject and body, a link to open it, and where to switch these
 * e-mails off. The HTML comes from the {@code notify/mail} template, so that names in it are escaped.
 */
@Component
class NoticeMailWriter {

    private final MessageSource messages;
    private final TemplateEngine templates;
    private final MailSettings settings;

    NoticeMailWriter(MessageSource messages, TemplateEngine templates, MailSettings settings) {
        this.messages = messages;
        this.templates = templates;
        this.settings = settings;
    }

    NoticeMail write(StoredNotice notice, UserContact to) {
        Locale locale = to.locale().flatMap(l -> SupportedLanguages.match(l.toLanguageTag())).orElse(SupportedLanguages.DEFAULT);
        Messages msg = new Messages(messages, locale);
        String text = notice.text(msg);
        String link = settings.absolute(notice.link() == null ? "/notifications" : notice.link());
        String settingsLink = settings.absolute("/account#notifications");
        // A header is one line: a name with a line break in it must not start another header.
        String subject = msg.t("notify.mail.subject", text.replaceAll("[\\r\\n]+", " ").strip());
        String plain = String.join("\n",
                msg.t("notify.mail.greeting", to.displayName()),
                "",
                text,
                "",
                msg.t("notify.mail.open", link),
                "",
                "-- ",
                msg.t("notify.mail.why", msg.t("app.name")),
                msg.t("notify.mail.switch-off-at", settingsLink));
        StringOutput html = new StringOutput();
        templates.render("notify/mail.jte", Map.of("msg", msg, "name", to.displayName(), "text", text, "link", link,
                "settingsLink", settingsLink), html);
        return new NoticeMail(subject, plain, html.toString());
    }
}
