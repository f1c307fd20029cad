package io.haina.crm.platform.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a file is, read from its first bytes (its "magic number") and, where the bytes allow several
 * types (a ZIP may be a Word document), its name: the uploader's browser or client may say anything.
 * Programs (Windows, Linux and macOS executables, scripts, installers) and what a browser would run
 * as a page (HTML, SVG, XHTML) are refused, by their bytes and by their name alike, so that neither a
 * renamed "photo.jpg" holding a program nor a "report.html" reaches a colleague.
 */
final class FileTypes {

    static final String OCTET_STREAM = "application/octet-stream";
    /** How much of the file the checks look at. */
    static final int SNIFF = 1024;

    /** Names a system runs or a browser renders when opened. */
    private static final Set<String> BLOCKED_EXTENSIONS = Set.of(
            "exe", "dll", "com", "scr", "pif", "cpl", "sys", "drv", "ocx", "msi", "msp", "mst", "appx", "msix",
            "bat", "cmd", "ps1", "psm1", "psd1", "vbs", "vbe", "js", "jse", "mjs", "wsf", "wsh", "wsc", "hta",
            "jar", "class", "sh", "bash", "zsh", "csh", "ksh", "command", "app", "apk", "ipa", "dmg", "pkg", "deb",
            "rpm", "run", "elf", "lnk", "url", "reg", "inf", "scf", "iso", "img", "vhd", "vhdx",
            "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "svg", "svgz", "xsl", "xslt",
            "php", "phtml", "jsp", "jspx", "asp", "aspx", "cgi");

    /** Markup at the start of a text that a browser would render as a page or an image with scripts. */
    private static final String[] PAGE_STARTS = {"<!doctype html", "<html", "<head", "<body", "<script", "<svg", "<iframe",
            "<object", "<embed", "<xsl:stylesheet"};
    private static final String[] PAGE_MARKERS = {"<svg", "<html", "http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"};

    private static final Map<String, String> ZIP_BASED = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "odt", "application/vnd.oasis.opendocument.text",
            "ods", "application/vnd.oasis.opendocument.spreadsheet",
            "odp", "application/vnd.oasis.opendocument.presentation");
    private static final Map<String, String> OLE_BASED = Map.of(
            "doc", "application/msword", "xls", "application/vnd.ms-excel", "ppt", "application/vnd.ms-powerpoint",
            "msg", "application/vnd.ms-outlook");

    private FileTypes() {
    }

    /** A file's type: what it is, or that it is refused. */
    sealed interface Verdict {
    }

    record Accepted(String contentType) implements Verdict {
    }

    record Blocked() implements Verdict {
    }

    static Verdict of(String safeName, byte[] bytes) {
        if (BLOCKED_EXTENSIONS.contains(FileNames.extension(safeName)) || executable(bytes) || page(bytes)) {
            return new Blocked();
        }
        return new Accepted(sniff(FileNames.extension(safeName), bytes));
    }

    private static boolean executable(byte[] b) {
        return startsWith(b, "MZ") && !text(b) // Windows programs and libraries (not a CSV starting "MZ,Mozambique")
                || startsWith(b, 0x7f, 'E', 'L', 'F') // Linux
                || startsWith(b, 0xfe, 0xed, 0xfa, 0xce) || startsWith(b, 0xfe, 0xed, 0xfa, 0xcf) // macOS (Mach-O)
                || startsWith(b, 0xce, 0xfa, 0xed, 0xfe) || startsWith(b, 0xcf, 0xfa, 0xed, 0xfe)
                || startsWith(b, 0xca, 0xfe, 0xba, 0xbe) // macOS universal programs, Java classes
                || startsWith(b, "dex\n") // Android
                || startsWith(b, "#!"); // scripts
    }

    /** Text that starts as a web page or an SVG image (after a byte order mark and blanks), or declares itself one. */
    private static boolean page(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF), StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "").replace("\u0000", "").strip().toLowerCase(Locale.ROOT);
        if (Arrays.stream(PAGE_STARTS).anyMatch(head::startsWith)) {
            return true;
        }
        return (head.startsWith("<?xml") || head.startsWith("<!--")) && Arrays.stream(PAGE_MARKERS).anyMatch(head::contains);
    }

    private static String sniff(String extension, byte[] b) {
        if (startsWith(b, "%PDF-")) {
            return "application/pdf";
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "image/png";
        }
        if (startsWith(b, 0xff, 0xd8, 0xff)) {
            return "image/jpeg";
        }
        if (startsWith(b, "GIF87a") || startsWith(b, "GIF89a")) {
            return "image/gif";
        }
        if (startsWith(b, "RIFF") && at(b, 8, "WEBP")) {
            return "image/webp";
        }
        if (startsWith(b, "RIFF") && at(b, 8, "WAVE")) {
            return "audio/wav";
        }
        if (startsWith(b, "II*\0") || startsWith(b, "MM\0*")) {
            return "image/tiff";
        }
        if (startsWith(b, "BM") && extension.equals("bmp")) {
            return "image/bmp";
        }
        if (at(b, 4, "ftyp")) {
            return at(b, 8, "heic") || at(b, 8, "heix") || at(b, 8, "mif1") ? "image/heic"
                    : at(b, 8, "qt  ") ? "video/quicktime" : at(b, 8, "M4A ") ? "audio/mp4" : "video/mp4";
        }
        if (startsWith(b, "ID3") || startsWith(b, 0xff, 0xfb) || startsWith(b, 0xff, 0xf3)) {
            return "audio/mpeg";
        }
        if (startsWith(b, "OggS")) {
            return "audio/ogg";
        }
        if (startsWith(b, 'P', 'K', 3, 4) || startsWith(b, 'P', 'K', 5, 6)) {
            return ZIP_BASED.getOrDefault(extension, "application/zip");
        }
        if (startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
            return OLE_BASED.getOrDefault(extension, OCTET_STREAM);
        }
        if (startsWith(b, "Rar!", 0x1a, 0x07)) {
            return "application/vnd.rar";
        }
        if (startsWith(b, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
            return "application/x-7z-compressed";
        }
        if (startsWith(b, 0x1f, 0x8b)) {
            return "application/gzip";
        }
        if (startsWith(b, "{\\rtf")) {
            return "application/rtf";
        }
        if (text(b)) {
            return extension.equals("csv") ? "text/csv" : "text/plain";
        }
        return OCTET_STREAM;
    }

    /** Text in any encoding (UTF-8, GBK): no NUL byte and hardly a control character in its start. */
    private static boolean text(byte[] b) {
        int n = Math.min(b.length, SNIFF);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0c && c != 0x1b) {
                controls++;
            }
        }
        return controls * 100 <= n;
    }

    private static boolean startsWith(byte[] b, Object... expected) {
        int i = 0;
        for (Object part : expected) {
            if (part instanceof String s) {
                for (char c : s.toCharArray()) {
                    if (i >= b.length || (b[i++] & 0xff) != c) {
                        return false;
                    }
                }
            } else {
                int value = part instanceof Character c ? c : (Integer) part;
                if (i >= b.length || (b[i++] & 0xff) != value) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean at(byte[] b, int offset, String expected) {
        if (b.length < offset + expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if ((b[offset + i] & 0xff) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
