package io.haina.crm.platform.io;

import java.util.List;

/** A row that was (or would be) refused, with its cells and why, in the importer's language. */
public record ImportProblem(int row, List<String> cells, String message) {
}
