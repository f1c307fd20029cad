package io.haina.crm.platform.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One sheet, a bold header row, amounts as numbers. Text goes in as inline strings and rows are
 * flushed every so often, so that neither a shared-string table nor the rows pile up in memory.
 */
final class XlsxExportWriter implements ExportWriter {

    private static final int FLUSH_EVERY = 1_000;
    private static final int MAX_SHEET_NAME = 31;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    XlsxExportWriter(OutputStream out, String sheetName, List<String> titles) throws IOException {
        this.workbook = new Workbook(out, "Haina CRM", "1.0");
        this.sheet = workbook.newWorksheet(safeName(sheetName));
        for (int column = 0; column < titles.size(); column++) {
            sheet.inlineString(0, column, titles.get(column));
            sheet.style(0, column).bold().set();
            sheet.width(column, 18);
        }
        row = 1;
    }

    @Override
    public void row(List<ExportCell> cells) throws IOException {
        for (int column = 0; column < cells.size(); column++) {
            ExportCell cell = cells.get(column);
            if (cell.number() != null) {
                sheet.value(row, column, cell.number());
                sheet.style(row, column).format(cell.numberFormat()).set();
            } else if (!cell.text().isEmpty()) {
                sheet.inlineString(row, column, cell.text());
            }
        }
        if (++row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        sheet.finish();
        workbook.finish();
    }

    /** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
    private static String safeName(String name) {
        String safe = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return safe.isEmpty() ? "Sheet1" : safe.substring(0, Math.min(safe.length(), MAX_SHEET_NAME));
    }
}
