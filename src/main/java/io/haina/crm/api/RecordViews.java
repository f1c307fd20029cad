package io.haina.crm.api;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.LookupTargets;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;

/** Writes the records of one answer as {@link RecordView}s, naming their lookups' targets with one query per target object. */
@Component
class RecordViews {

    private final RecordFinder finder;
    private final LookupTargets lookups;

    RecordViews(RecordFinder finder, LookupTargets lookups) {
        this.finder = finder;
        this.lookups = lookups;
    }

    Map<String, Object> of(long readerId, String object, RecordData record) {
        return of(readerId, object, List.of(record)).getFirst();
    }

    List<Map<String, Object>> of(long readerId, String object, List<RecordData> records) {
        ObjectDef def = finder.describe(readerId, object);
        RecordView view = new RecordView(def, lookups.namesFor(readerId, def, records));
        return records.stream().map(view::of).toList();
    }
}
