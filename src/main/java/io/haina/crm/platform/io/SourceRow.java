package io.haina.crm.platform.io;

import java.util.List;

/**
 * One row of an uploaded file: its number as a spreadsheet shows it (the header is row 1) and its
 * cells as text.
 */
record SourceRow(int number, List<String> cells) {

    String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
