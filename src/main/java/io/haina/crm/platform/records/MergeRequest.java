package io.haina.crm.platform.records;

import java.util.Map;

/**
 * A merge as asked for: the other record (which goes), the versions both were read at (null: as
 * they are now), and per field which record's value the kept one ends up with,
 * {@link RecordMerge#THIS} (the kept record's own, what a field not named gets) or {@link RecordMerge#OTHER}.
 */
public record MergeRequest(long otherId, Integer keptVersion, Integer otherVersion, Map<String, String> fields) {

    public MergeRequest {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
