package io.haina.crm.platform.search;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.RecordPage;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;

/**
 * Searches every declared object the actor may view with the record engine's own quick search
 * (name, unique codes, e-mails, phones; trigram-indexed), so each object's grants and the actor's
 * data scope apply exactly as on its list page. Objects without a match are left out.
 */
@Service
public class GlobalSearch {

    /** Longer input is cut: nobody types more to find a record, and it keeps the patterns small. */
    static final int MAX_TEXT = 100;

    private final ObjectRegistry objects;
    private final Permissions permissions;
    private final RecordFinder finder;

    GlobalSearch(ObjectRegistry objects, Permissions permissions, RecordFinder finder) {
        this.objects = objects;
        this.permissions = permissions;
        this.finder = finder;
    }

    public SearchResults search(long actorId, String text, int perObject) {
        return search(actorId, text, perObject, true);
    }

    /**
     * The typeahead's search: the first matches of each object without counting them all, which
     * for a short common term would cost far more than finding them (it runs on every keystroke).
     */
    public SearchResults suggest(long actorId, String text, int perObject) {
        return search(actorId, text, perObject, false);
    }

    private SearchResults search(long actorId, String text, int perObject, boolean counted) {
        String term = normalized(text);
        List<SearchGroup> groups = new ArrayList<>();
        if (!term.isEmpty()) {
            for (ObjectDef object : objects.all()) {
                // Skipping objects the actor may not view saves a refused query; the engine checks again.
                if (permissions.can(actorId, object.code(), ObjectAction.VIEW)) {
                    RecordPage page = finder.list(actorId, object.code(), counted
                            ? new RecordListRequest(term, null, null, null, null, perObject)
                            : new RecordListRequest(term, null, null, null, null, perObject).withoutTotal());
                    if (!page.items().isEmpty()) {
                        groups.add(SearchGroup.of(object, page, term));
                    }
                }
            }
        }
        return new SearchResults(term, groups);
    }

    static String normalized(String text) {
        String term = text == null ? "" : text.strip();
        return term.length() > MAX_TEXT ? term.substring(0, MAX_TEXT) : term;
    }
}
