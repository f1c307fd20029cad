package io.haina.crm.platform.files;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * File names as uploaded made safe to keep, show and hand back in a download: no folders, no
 * control or invisible direction characters (which disguise "invoice‮fdp.exe" as a PDF), none of
 * the characters Windows refuses, no device names; at most {@link #MAX_LENGTH} characters with the
 * extension kept.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "file";

    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
            "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private FileNames() {
    }

    static String safe(String uploaded) {
        if (uploaded == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(uploaded, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]", "")
                .replaceAll("[<>:\"|?*]", "_")
                .replaceAll("\\s+", " ")
                .replaceAll("^[\\s.]+|[\\s.]+$", "");
        if (name.isEmpty()) {
            return FALLBACK;
        }
        int dot = name.indexOf('.');
        if (DEVICES.contains((dot < 0 ? name : name.substring(0, dot)).strip().toLowerCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return shortened(name);
    }

    /** The extension, lower case, without the dot; empty when there is none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String shortened(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        String extension = extension(name);
        String tail = extension.isEmpty() || extension.length() > 10 ? "" : "." + extension;
        int keep = MAX_LENGTH - tail.length();
        return name.substring(0, name.offsetByCodePoints(0, keep)).strip() + tail;
    }
}
