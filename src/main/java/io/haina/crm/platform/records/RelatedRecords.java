package io.haina.crm.platform.records;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.web.NotFoundException;

/**
 * The related lists of a record's detail page: which there are (from every
 * {@link RelatedListSource}, without reading rows, so the page does not wait), and the first rows
 * of one, read through {@link RecordFinder} as the reader, so nobody sees a child they may not see.
 */
@Service
@Transactional(readOnly = true)
public class RelatedRecords {

    /** Rows a list shows on the detail page; "view all" opens the rest on the child's list page. */
    public static final int ROWS = 5;

    private final List<RelatedListSource> sources;
    private final RecordFinder finder;
    private final RecordService records;

    RelatedRecords(ObjectProvider<RelatedListSource> sources, RecordFinder finder, RecordService records) {
        this.sources = sources.orderedStream().toList();
        this.finder = finder;
        this.records = records;
    }

    /** The lists a record of the object shows the actor, in the sources' order. */
    public List<RelatedList> lists(long actorId, String objectCode) {
        ObjectDef parent = finder.describe(actorId, objectCode);
        return sources.stream().flatMap(source -> source.listsFor(actorId, parent).stream()).toList();
    }

    /**
     * The first {@link #ROWS} rows of one list on one record, with how many there are. Not found
     * when the actor may not see the record or the list is not one they get.
     */
    public RelatedListPage load(long actorId, String objectCode, long recordId, String key) {
        RecordData parent = records.read(actorId, objectCode, recordId);
        RelatedList list = lists(actorId, objectCode).stream().filter(l -> l.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("related list " + key + " of " + objectCode));
        ObjectDef child = finder.describe(actorId, list.childObject());
        String filter = list.filter().apply(parent);
        RecordPage rows = finder.list(actorId, list.childObject(),
                new RecordListRequest(null, filter, Scene.ALL, null, null, ROWS, true));
        List<FieldDef> columns = list.columns().stream().map(child::field).flatMap(java.util.Optional::stream).toList();
        Map<String, String> prefill = list.prefill().apply(parent);
        return new RelatedListPage(list, child, columns, rows, filter, prefill);
    }
}
