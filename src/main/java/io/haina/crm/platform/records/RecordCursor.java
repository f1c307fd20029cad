package io.haina.crm.platform.records;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page ended: the sort value and id of its last record, so the next page starts right
 * after it (keyset paging: as fast on page 5,000 as on page 1). It also carries the total counted
 * for the first page, so later pages need not count again. Opaque to clients.
 */
record RecordCursor(String value, long id, long total, boolean totalCapped) {

    String encode() {
        String plain = id + ":" + total + (totalCapped ? "+" : "") + ":" + (value == null ? "" : "=" + value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null when the text is not one of ours. */
    static RecordCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 3);
            long id = Long.parseLong(parts[0]);
            boolean capped = parts[1].endsWith("+");
            long total = Long.parseLong(capped ? parts[1].substring(0, parts[1].length() - 1) : parts[1]);
            String rest = parts[2];
            return total < -1 ? null : new RecordCursor(rest.startsWith("=") ? rest.substring(1) : null, id, total, capped);
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
