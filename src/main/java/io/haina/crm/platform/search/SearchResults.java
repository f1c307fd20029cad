package io.haina.crm.platform.search;

import java.util.List;

/** What a search found, grouped by object in the order the objects are declared. */
public record SearchResults(String text, List<SearchGroup> groups) {

    public boolean isEmpty() {
        return groups.isEmpty();
    }
}
