package io.haina.crm.platform.files;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A stored file as known without its bytes.
 *
 * @param contentType read from the bytes when it was uploaded
 * @param sha256      of the bytes, lower-case hex
 * @param holder      what it is attached to; null while it is an upload nobody saved
 * @param removed     whether it was removed from its holder (its bytes are gone; the name stays for the history)
 */
public record StoredFile(long id, String name, String contentType, long size, String sha256, long createdBy,
                         OffsetDateTime createdAt, FileHolder holder, boolean removed) {

    /** The download of the pages. */
    public String href() {
        return "/files/" + id;
    }

    public String sizeText() {
        return sizeText(size);
    }

    /** A size as people read it: 512 B, 38 KB, 4.2 MB. */
    public static String sizeText(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        double mb = bytes / (1024.0 * 1024.0);
        return (mb < 10 ? String.format(Locale.ROOT, "%.1f", mb) : String.valueOf(Math.round(mb))) + " MB";
    }
}
