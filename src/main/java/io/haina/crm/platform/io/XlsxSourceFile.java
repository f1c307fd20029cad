package io.haina.crm.platform.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import io.haina.crm.platform.web.InvalidInputException;

/**
 * The first sheet of an Excel workbook, streamed. Cells become the text a person sees in them:
 * numbers without an exponent or trailing zeros, dates (numbers in a date format) as 2026-11-23
 * or 2026-11-23 14:30:00, booleans as true/false.
 */
final class XlsxSourceFile extends SourceFile {

    private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

    private final byte[] bytes;

    XlsxSourceFile(byte[] bytes) {
        if (!ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            throw InvalidInputException.of("file", ReadableWorkbook.isOLE2Header(bytes)
                    ? "import.error.old-excel" : "import.error.not-xlsx");
        }
        this.bytes = bytes;
    }

    @Override
    protected void read(Consumer<Iterator<SourceRow>> reader) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), WITH_FORMATS);
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            // Sheets may start below row 1: the first row with anything in it is the header.
            reader.accept(rows.map(row -> new SourceRow(row.getRowNum(), cells(row))).dropWhile(SourceRow::isBlank)
                    .iterator());
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException broken) {
            throw InvalidInputException.of("file", "import.error.not-xlsx");
        }
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? "" : text(cell));
        }
        return cells;
    }

    private static String text(Cell cell) {
        return switch (cell.getType()) {
            case NUMBER -> isDate(cell) ? date(cell.asDate()) : plain(cell.asNumber());
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case EMPTY -> "";
            default -> cell.getText() == null ? "" : cell.getText();
        };
    }

    private static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDateTime time) {
        return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString()
                : time.withNano(0).toLocalDate() + " " + time.toLocalTime().withNano(0);
    }

    /** Excel keeps dates as day numbers; only the cell's number format says it is one. */
    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return bare.contains("yy") || bare.contains("d") && bare.contains("m");
    }
}
