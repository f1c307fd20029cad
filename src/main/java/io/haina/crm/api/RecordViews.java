package io.haina.crm.api;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.LookupTargets;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFiles;
import io.haina.crm.platform.records.RecordFinder;

/**
 * Writes the records of one answer as {@link RecordView}s, naming their lookups' targets with one
 * query per target object and describing their files with one query.
 */
@Component
class RecordViews {

    private final RecordFinder finder;
    private final LookupTargets lookups;
    private final RecordFiles files;

    RecordViews(RecordFinder finder, LookupTargets lookups, RecordFiles files) {
        this.finder = finder;
        this.lookups = lookups;
        this.files = files;
    }

    Map<String, Object> of(long readerId, String object, RecordData record) {
        return of(readerId, object, List.of(record)).getFirst();
    }

    List<Map<String, Object>> of(long readerId, String object, List<RecordData> records) {
        ObjectDef def = finder.describe(readerId, object);
        RecordView view = new RecordView(def, lookups.namesFor(readerId, def, records), files.of(def, records));
        return records.stream().map(view::of).toList();
    }
}
