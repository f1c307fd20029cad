package io.haina.crm.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small files of real types (their first bytes are what the upload check reads), for tests that attach files. */
public final class TestFiles {

    /** A one-page PDF as far as its type goes. */
    public static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** The start of a PNG image. */
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
    /** The start of a Windows program. */
    public static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};

    private TestFiles() {
    }

    /** A PDF of about this many bytes (its start a PDF's, the rest filler). */
    public static byte[] pdfOf(int size) {
        byte[] file = Arrays.copyOf(PDF, size);
        Arrays.fill(file, Math.min(PDF.length, size), size, (byte) 'a');
        return file;
    }

    public static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
