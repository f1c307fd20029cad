package io.haina.crm.platform.records.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.views.ListView;
import io.haina.crm.platform.web.FormErrors;

/** The save-view form: the view being saved into (null for a new one) and the list state it will keep. */
public record ListViewForm(ObjectDef object, String base, ListView view, ListState state, String name,
                           ListView.Sharing sharing, Set<Long> roleIds, Map<Long, String> roles,
                           boolean administrator, FormErrors errors) {

    public List<ListView.Sharing> sharings() {
        return List.of(ListView.Sharing.values());
    }

    public String action() {
        return view == null ? base + "/views" : base + "/views/" + view.id();
    }
}
