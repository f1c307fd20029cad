package io.haina.crm.platform.search;

/**
 * A text split around the first place the search term occurs in it (ignoring case), so a template
 * can mark the match while every part is still escaped as usual. No match: all of it is {@code before}.
 */
public record Marked(String before, String match, String after) {

    public static Marked of(String text, String term) {
        if (text == null || term == null || term.isEmpty()) {
            return new Marked(text == null ? "" : text, "", "");
        }
        for (int i = 0; i + term.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, term, 0, term.length())) {
                return new Marked(text.substring(0, i), text.substring(i, i + term.length()), text.substring(i + term.length()));
            }
        }
        return new Marked(text, "", "");
    }
}
