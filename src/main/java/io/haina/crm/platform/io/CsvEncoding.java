package io.haina.crm.platform.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How the bytes of a CSV file are to be read. Excel on a Chinese Windows saves CSV in GBK, most
 * other tools in UTF-8 (Excel's "CSV UTF-8" with a byte-order mark): bytes that are not valid
 * UTF-8 are read as GB18030, which reads every GBK file the same way and more.
 */
record CsvEncoding(Charset charset, int skip) {

    static final Charset CHINESE = Charset.forName("GB18030");
    /** How much of a file {@link #readsAsText} looks at. */
    private static final int TEXT_SAMPLE = 8192;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static CsvEncoding detect(byte[] bytes) {
        if (startsWith(bytes, UTF8_BOM)) {
            return new CsvEncoding(StandardCharsets.UTF_8, UTF8_BOM.length);
        }
        return new CsvEncoding(isUtf8(bytes) ? StandardCharsets.UTF_8 : CHINESE, 0);
    }

    static CsvEncoding of(String charsetName, byte[] bytes) {
        CsvEncoding detected = detect(bytes);
        return new CsvEncoding(Charset.forName(charsetName), detected.skip());
    }

    /**
     * Whether the file's beginning reads as text in this encoding: no NUL, and hardly any control
     * characters or undecodable bytes. A picture or a zip renamed to .csv fails here and is refused
     * as "not a CSV file", instead of being read as rows of noise (GB18030 decodes almost any
     * bytes) or failing later on a stray quote.
     */
    boolean readsAsText(byte[] bytes) {
        int length = Math.min(bytes.length - skip, TEXT_SAMPLE);
        String sample = new String(bytes, skip, Math.max(0, length), charset);
        int odd = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == 0) {
                return false;
            }
            if (c == '\uFFFD' || Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                odd++;
            }
        }
        return odd * 100 <= sample.length();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
