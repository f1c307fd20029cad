package io.haina.crm.platform.io;

import java.io.IOException;
import java.util.List;

/** Writes an export file row by row to a stream, holding no more than a row at a time. */
interface ExportWriter extends AutoCloseable {

    void row(List<ExportCell> cells) throws IOException;

    /** Ends the file (the stream itself stays open). */
    @Override
    void close() throws IOException;
}
