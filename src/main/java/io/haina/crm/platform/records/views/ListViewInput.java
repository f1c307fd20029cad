package io.haina.crm.platform.records.views;

import java.util.List;
import java.util.Set;

import io.haina.crm.platform.records.Scene;

/** What a user submits when saving a view. */
public record ListViewInput(String name, ListView.Sharing sharing, Set<Long> roleIds, Scene scene, String quickSearch,
                            String filter, String sort, List<String> columns) {

    public ListViewInput {
        roleIds = roleIds == null ? Set.of() : Set.copyOf(roleIds);
        columns = columns == null ? List.of() : List.copyOf(columns);
        sharing = sharing == null ? ListView.Sharing.PERSONAL : sharing;
        scene = scene == null ? Scene.ALL : scene;
    }
}
