package io.haina.crm.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * Browsers send a handful of distinct Accept-Language headers, and every page view of a user
     * without a chosen language reads one: parsing it each time was ~1.5% of a list page's CPU
     * (issue 3 profile). Answers are kept for headers seen; past this many, they are worked out anew.
     */
    private static final int HEADERS_KEPT = 1_000;
    private static final Map<String, Optional<Locale>> FROM_HEADER = new ConcurrentHashMap<>();

    /** The first supported language in a browser's preference list. */
    public static Optional<Locale> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Optional<Locale> known = FROM_HEADER.get(header);
        if (known != null) {
            return known;
        }
        Optional<Locale> parsed = parse(header);
        if (FROM_HEADER.size() < HEADERS_KEPT) {
            FROM_HEADER.put(header, parsed);
        }
        return parsed;
    }

    private static Optional<Locale> parse(String header) {
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
