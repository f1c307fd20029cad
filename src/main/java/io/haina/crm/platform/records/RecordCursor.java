package io.haina.crm.platform.records;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page ended: the sort value and id of its last record, so the next page starts right
 * after it (keyset paging: as fast on page 5,000 as on page 1). Opaque to clients.
 */
record RecordCursor(String value, long id) {

    String encode() {
        String plain = id + ":" + (value == null ? "" : "=" + value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null when the text is not one of ours. */
    static RecordCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            long id = Long.parseLong(plain.substring(0, colon));
            String rest = plain.substring(colon + 1);
            return new RecordCursor(rest.startsWith("=") ? rest.substring(1) : null, id);
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
