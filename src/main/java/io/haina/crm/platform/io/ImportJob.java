package io.haina.crm.platform.io;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One import as its owner sees it: the file, how its columns map to fields ({@code null} =
 * ignored), the duplicate policy, and the counts of the current phase (a dry run's counts say
 * what the run would do).
 */
public record ImportJob(long id, String objectCode, String fileName, FileFormat format, long createdBy,
                        OffsetDateTime createdAt, List<String> headers, List<String> mapping,
                        DuplicatePolicy duplicatePolicy, List<String> matchFields, ImportState state, int totalRows,
                        int processedRows, int created, int updated, int skipped, int failed, int undone,
                        OffsetDateTime finishedAt, String failure) {

    public ImportJob {
        headers = List.copyOf(headers);
        mapping = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(mapping));
        matchFields = List.copyOf(matchFields);
    }

    /** What the current phase goes through: the file's rows, or for an undo the records the run wrote. */
    public int phaseTotal() {
        return state == ImportState.UNDOING || state == ImportState.UNDONE ? created + updated : totalRows;
    }

    /** How far the current phase is, 0 to 100. */
    public int percent() {
        return phaseTotal() == 0 ? 100 : Math.min(100, processedRows * 100 / phaseTotal());
    }

    /** The field a column goes to, or null. */
    public String fieldOf(int column) {
        return column < mapping.size() ? mapping.get(column) : null;
    }
}
