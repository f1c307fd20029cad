package io.haina.crm.platform.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordPage;

/**
 * The matches in one object: the first few, how many there are in all, and where its list shows
 * them all (the object's list page with the same quick search).
 */
public record SearchGroup(String object, String labelKey, List<SearchHit> hits, long total, boolean totalCapped,
                          String listHref) {

    static SearchGroup of(ObjectDef object, RecordPage page, String text) {
        List<SearchHit> hits = page.items().stream().map(record -> SearchHit.of(object, record, text)).toList();
        return new SearchGroup(object.code(), object.labelKey(), hits, page.total(), page.totalCapped(),
                "/o/" + object.code() + "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    /** Whether there are more matches than shown here. */
    public boolean more() {
        return totalCapped || total > hits.size();
    }
}
