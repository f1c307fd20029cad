package io.haina.crm.platform.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.web.Messages;

/** An empty CSV whose column titles are the labels of the fields an import fills: a file to start from. */
public final class ImportTemplate {

    private ImportTemplate() {
    }

    public static void write(List<FieldDef> fields, Messages msg, OutputStream out) throws IOException {
        new CsvExportWriter(out, fields.stream().map(f -> msg.t(f.labelKey())).toList()).close();
    }
}
