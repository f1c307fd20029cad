package io.haina.crm.platform.io;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/** An uploaded table: its column names (the first row), then its rows, one at a time, blank ones left out. */
abstract class SourceFile {

    private List<String> headers;

    /** Hands the reader the file's rows, the header first, while the file is open. */
    protected abstract void read(Consumer<Iterator<SourceRow>> reader);

    final List<String> headers() {
        if (headers == null) {
            List<String> first = new ArrayList<>();
            read(rows -> {
                if (rows.hasNext()) {
                    first.addAll(rows.next().cells());
                }
            });
            headers = List.copyOf(first);
        }
        return headers;
    }

    final void forEachRow(Consumer<SourceRow> sink) {
        read(rows -> {
            if (rows.hasNext()) {
                rows.next();
            }
            while (rows.hasNext()) {
                SourceRow row = rows.next();
                if (!row.isBlank()) {
                    sink.accept(row);
                }
            }
        });
    }
}
