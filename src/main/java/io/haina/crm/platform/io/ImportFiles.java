package io.haina.crm.platform.io;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.web.InvalidInputException;

/**
 * Opens uploaded files and refuses, with a message the user can act on, what cannot be imported:
 * an unknown kind of file, an old .xls, a broken workbook, an empty file, a header without rows,
 * more rows than one import takes.
 */
@Component
class ImportFiles {

    private final int maxRows;

    ImportFiles(@Value("${haina.imports.max-rows:100000}") int maxRows) {
        this.maxRows = maxRows;
    }

    /** A file checked for import: how it is to be read again, and how many rows it has. */
    record Checked(FileFormat format, String charset, SourceFile file, int rows) {
    }

    Checked check(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw InvalidInputException.of("file", "import.error.empty-file");
        }
        FileFormat format = formatOf(fileName, bytes);
        String charset = null;
        if (format == FileFormat.CSV) {
            CsvEncoding encoding = CsvEncoding.detect(bytes);
            if (!encoding.readsAsText(bytes)) {
                throw InvalidInputException.of("file", "import.error.not-csv", fileName == null ? "" : fileName.strip());
            }
            charset = encoding.charset().name();
        }
        SourceFile file = open(format, charset, bytes);
        if (file.headers().stream().allMatch(String::isBlank)) {
            throw InvalidInputException.of("file", "import.error.empty-file");
        }
        int[] rows = {0};
        file.forEachRow(row -> {
            if (++rows[0] > maxRows) {
                throw InvalidInputException.of("file", "import.error.too-many-rows", maxRows);
            }
        });
        if (rows[0] == 0) {
            throw InvalidInputException.of("file", "import.error.no-rows");
        }
        return new Checked(format, charset, file, rows[0]);
    }

    SourceFile open(FileFormat format, String charset, byte[] bytes) {
        return switch (format) {
            case CSV -> new CsvSourceFile(bytes, charset == null ? CsvEncoding.detect(bytes) : CsvEncoding.of(charset, bytes));
            case XLSX -> new XlsxSourceFile(bytes);
        };
    }

    private static FileFormat formatOf(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.strip();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (extension.equals("xls")) {
            throw InvalidInputException.of("file", "import.error.old-excel");
        }
        FileFormat format = FileFormat.fromExtension(extension);
        if (format == null) {
            throw InvalidInputException.of("file", "import.error.unsupported-file", name);
        }
        return format;
    }
}
