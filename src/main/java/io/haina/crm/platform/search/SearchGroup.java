package io.haina.crm.platform.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordPage;

/**
 * The matches in one object: the first few, how many there are in all (-1 when not counted, as in
 * the typeahead), whether there are more, and where its list shows them all (the object's list page
 * with the same quick search).
 */
public record SearchGroup(String object, String labelKey, List<SearchHit> hits, long total, boolean totalCapped,
                          boolean more, String listHref) {

    static SearchGroup of(ObjectDef object, RecordPage page, String text) {
        List<SearchHit> hits = page.items().stream().map(record -> SearchHit.of(object, record, text)).toList();
        return new SearchGroup(object.code(), object.labelKey(), hits, page.total(), page.totalCapped(),
                page.nextCursor() != null, "/o/" + object.code() + "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    public boolean counted() {
        return total >= 0;
    }

    /** The badge beside the object's name: the total when counted, else what is shown and a "+" for more. */
    public String badge(io.haina.crm.platform.web.Messages msg) {
        if (!counted()) {
            return hits.size() + (more ? "+" : "");
        }
        return totalCapped ? msg.t("record.total-capped", "10,000") : String.valueOf(total);
    }
}
