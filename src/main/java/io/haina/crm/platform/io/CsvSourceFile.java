package io.haina.crm.platform.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.haina.crm.platform.web.InvalidInputException;

/**
 * A CSV file: comma-separated unless its first line has more semicolons or tabs than commas
 * (European Excel, pasted spreadsheets). Quotes must balance; a file where they do not is refused
 * with the line where reading stopped, rather than guessed at.
 */
final class CsvSourceFile extends SourceFile {

    private final byte[] bytes;
    private final CsvEncoding encoding;
    private final CSVFormat format;

    CsvSourceFile(byte[] bytes, CsvEncoding encoding) {
        this.bytes = bytes;
        this.encoding = encoding;
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(firstLine())).setIgnoreEmptyLines(true).get();
    }

    @Override
    protected void read(Consumer<Iterator<SourceRow>> reader) {
        try (CSVParser parser = CSVParser.builder().setReader(reader()).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            try {
                reader.accept(new Iterator<>() {
                    public boolean hasNext() {
                        return records.hasNext();
                    }

                    public SourceRow next() {
                        CSVRecord record = records.next();
                        return new SourceRow((int) record.getRecordNumber(), record.toList());
                    }
                });
            } catch (UncheckedIOException | IllegalStateException malformed) {
                throw InvalidInputException.of("file", "import.error.malformed-csv", parser.getCurrentLineNumber());
            }
        } catch (IOException e) {
            throw InvalidInputException.of("file", "import.error.malformed-csv", 1);
        }
    }

    private Reader reader() {
        return new InputStreamReader(new ByteArrayInputStream(bytes, encoding.skip(), bytes.length - encoding.skip()),
                encoding.charset());
    }

    private String firstLine() {
        String text = new String(bytes, encoding.skip(), Math.min(bytes.length - encoding.skip(), 4096), encoding.charset());
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static char delimiter(String line) {
        long commas = line.chars().filter(c -> c == ',').count();
        long semicolons = line.chars().filter(c -> c == ';').count();
        long tabs = line.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
