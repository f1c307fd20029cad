package io.haina.crm.platform.database;

/**
 * Turns what a user typed into a LIKE pattern that matches it literally: a typed {@code %} or
 * {@code _} is a character to find, not a wildcard. Use with escape character {@code \}.
 */
public final class LikePatterns {

    public static final char ESCAPE = '\\';

    private LikePatterns() {
    }

    /** The text, stripped, with LIKE's special characters escaped. */
    public static String literal(String typed) {
        return typed.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching any value that contains the text. */
    public static String containing(String typed) {
        return "%" + literal(typed) + "%";
    }
}
