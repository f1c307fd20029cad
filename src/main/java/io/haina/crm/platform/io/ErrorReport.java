package io.haina.crm.platform.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rows an import refused, as a CSV file the user fixes and uploads again: the file's own
 * columns, then the row number and the reason. UTF-8 with a byte-order mark, so Excel shows the
 * Chinese; cells that would start a formula are quoted as in exports.
 */
final class ErrorReport implements AutoCloseable {

    private final CSVPrinter printer;
    private final int width;

    ErrorReport(OutputStream out, List<String> headers, String errorTitle, String rowTitle) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        this.width = headers.size();
        List<String> titles = new ArrayList<>(headers);
        titles.add(rowTitle);
        titles.add(errorTitle);
        printer.printRecord(titles);
    }

    void add(ImportProblem problem) {
        List<String> cells = new ArrayList<>(width + 2);
        for (int i = 0; i < width; i++) {
            cells.add(FormulaGuard.text(i < problem.cells().size() ? problem.cells().get(i) : ""));
        }
        cells.add(String.valueOf(problem.row()));
        cells.add(problem.message());
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
