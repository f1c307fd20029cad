package io.haina.crm.platform.io;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Real files for import tests, and waiting for an import's background job to finish. */
final class ImportFixtures {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ImportFixtures() {
    }

    /** A CSV file as Excel's "CSV UTF-8" saves it: with a byte-order mark, lines ending in CR LF. */
    static byte[] csvWithBom(String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv(StandardCharsets.UTF_8, lines));
        return out.toByteArray();
    }

    static byte[] csv(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    /** A workbook with one sheet; numbers go in as number cells, the rest as text. */
    static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number instanceof BigDecimal ? number : new BigDecimal(number.toString()));
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Polls the import (every 50 ms, at most 30 s) until no job works on it. */
    static ImportJob awaitIdle(Imports imports, long actorId, long importId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            ImportJob job = imports.get(actorId, "product", importId);
            if (!job.state().busy()) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                fail("import " + importId + " still " + job.state() + " after 30 s: " + job);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
