package io.haina.crm.platform.io;

import java.util.Locale;

/** The kinds of file that come in and go out. */
public enum FileFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    FileFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** csv or xlsx, in any case; null for anything else. */
    public static FileFormat fromExtension(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "csv", "txt" -> CSV;
            case "xlsx" -> XLSX;
            default -> null;
        };
    }
}
