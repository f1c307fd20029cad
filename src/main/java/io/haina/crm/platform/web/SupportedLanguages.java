package io.haina.crm.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Haina speaks. Chinese is the default where the browser asks for neither. */
public final class SupportedLanguages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> ALL = List.of(CHINESE, ENGLISH);
    public static final Locale DEFAULT = CHINESE;

    private SupportedLanguages() {
    }

    /** Maps a tag such as {@code zh}, {@code zh-Hans-CN}, {@code en-GB} to a supported locale. */
    public static Optional<Locale> match(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return ALL.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The first supported language in a browser's preference list. */
    public static Optional<Locale> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(range -> match(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
