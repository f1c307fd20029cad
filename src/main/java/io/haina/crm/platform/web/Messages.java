package io.haina.crm.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/** Texts in one language, for a template or a response. A missing key shows as {@code ??key??}. */
public final class Messages {

    private final MessageSource source;
    private final Locale locale;

    public Messages(MessageSource source, Locale locale) {
        this.source = source;
        this.locale = locale;
    }

    public String t(String key, Object... args) {
        try {
            return source.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return "??" + key + "??";
        }
    }

    public Locale locale() {
        return locale;
    }

    /** The {@code lang} attribute of the page: {@code zh-CN} or {@code en}. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    public boolean isChinese() {
        return locale.getLanguage().equals("zh");
    }
}
