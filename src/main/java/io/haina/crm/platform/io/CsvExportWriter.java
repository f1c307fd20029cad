package io.haina.crm.platform.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV in UTF-8 with a byte-order mark: without it, Excel reads the file as GBK and garbles the Chinese. */
final class CsvExportWriter implements ExportWriter {

    private final BufferedWriter writer;
    private final CSVPrinter printer;

    CsvExportWriter(OutputStream out, List<String> titles) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(titles);
    }

    @Override
    public void row(List<ExportCell> cells) throws IOException {
        for (ExportCell cell : cells) {
            printer.print(cell.text());
        }
        printer.println();
    }

    @Override
    public void close() throws IOException {
        printer.flush();
        writer.flush();
    }
}
