package io.haina.crm.platform.records.views;

import java.util.List;
import java.util.Set;

import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.Scene;

/**
 * A saved list view: a name and the state of a list — scene, quick search, filter, sort, columns —
 * shared with nobody, everyone, or the holders of some roles.
 */
public record ListView(long id, String objectCode, String name, long ownerId, Sharing sharing, Set<Long> roleIds,
                       Scene scene, String quickSearch, String filter, String sort, List<String> columns, int version) {

    public enum Sharing {
        PERSONAL, EVERYONE, ROLES;

        public String labelKey() {
            return "view.sharing." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ListView {
        roleIds = Set.copyOf(roleIds);
        columns = List.copyOf(columns);
    }

    public RecordListRequest request(int limit) {
        return new RecordListRequest(quickSearch, filter, scene, sort, null, limit);
    }
}
