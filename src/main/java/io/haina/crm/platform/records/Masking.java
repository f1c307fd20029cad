package io.haina.crm.platform.records;

import io.haina.crm.platform.metadata.FieldType;

/**
 * What a masked field shows: enough to recognise a value, not enough to use it — a phone keeps
 * its first three and last four digits, an e-mail its first letter and domain, other text its
 * first character.
 */
final class Masking {

    private static final String STARS = "****";

    private Masking() {
    }

    static Object mask(FieldType type, Object value) {
        if (value == null) {
            return null;
        }
        if (type instanceof FieldType.Attachment) {
            return java.util.List.of(); // a masked attachment field shows none of its files
        }
        String text = value.toString();
        return switch (type) {
            case FieldType.Phone p -> text.length() <= 7 ? STARS : text.substring(0, 3) + STARS + text.substring(text.length() - 4);
            case FieldType.Email e -> {
                int at = text.indexOf('@');
                yield at <= 0 ? STARS : text.charAt(0) + "***" + text.substring(at);
            }
            default -> text.isEmpty() ? text : text.substring(0, Math.min(1, text.length())) + STARS;
        };
    }
}
