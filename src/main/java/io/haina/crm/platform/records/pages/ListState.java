package io.haina.crm.platform.records.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.util.MultiValueMap;

import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.Scene;
import io.haina.crm.platform.records.views.ListView;

/**
 * Everything that shapes a list, as it travels in the URL so a list can be bookmarked, shared and
 * reloaded: the saved view it started from, scene, quick search, filter, sort and columns. A
 * parameter in the URL overrides the view's own setting; an absent one falls back to the view.
 */
public record ListState(Long view, Scene scene, String q, String filter, String sort, List<String> columns) {

    public ListState {
        q = q == null ? "" : q;
        filter = filter == null ? "" : filter;
        sort = sort == null ? "" : sort;
        columns = columns == null ? List.of() : List.copyOf(columns);
        scene = scene == null ? Scene.ALL : scene;
    }

    /** The state a request asks for, laid over the saved view it names (if any). */
    static ListState of(MultiValueMap<String, String> params, ListView view) {
        Long viewId = view == null ? null : view.id();
        Scene scene = params.containsKey("scene") ? Scene.of(params.getFirst("scene")).orElse(Scene.ALL)
                : view == null ? Scene.ALL : view.scene();
        String q = params.containsKey("q") ? params.getFirst("q") : view == null ? null : view.quickSearch();
        String filter = params.containsKey("filter") ? params.getFirst("filter") : view == null ? null : view.filter();
        String sort = params.containsKey("sort") ? params.getFirst("sort") : view == null ? null : view.sort();
        List<String> columns = params.containsKey("cols") ? columns(params.get("cols"))
                : view == null ? List.of() : view.columns();
        return new ListState(viewId, scene, q, filter, sort, columns);
    }

    /** Whether the list differs from the saved view it started from. */
    public boolean differsFrom(ListView saved) {
        return saved != null && !(scene == saved.scene() && q.equals(nullToEmpty(saved.quickSearch()))
                && filter.equals(nullToEmpty(saved.filter())) && sort.equals(nullToEmpty(saved.sort()))
                && (columns.isEmpty() || columns.equals(saved.columns())));
    }

    RecordListRequest request(String cursor) {
        return new RecordListRequest(q, filter, scene, sort, cursor, RecordListRequest.DEFAULT_LIMIT);
    }

    public ListState withFilter(String newFilter) {
        return new ListState(view, scene, q, newFilter, sort, columns);
    }

    public ListState withView(Long newView) {
        return new ListState(newView, scene, q, filter, sort, columns);
    }

    public ListState withSort(String newSort) {
        return new ListState(view, scene, q, filter, newSort, columns);
    }

    public ListState withScene(Scene newScene) {
        return new ListState(null, newScene, "", "", sort, columns);
    }

    /** The list's URL with this state; {@code cursor} for a later page, or null. */
    public String url(String base, String cursor) {
        List<String> parts = new ArrayList<>();
        params(Set.of()).forEach((name, value) -> parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (cursor != null) {
            parts.add("cursor=" + cursor);
        }
        return parts.isEmpty() ? base : base + "?" + String.join("&", parts);
    }

    public String url(String base) {
        return url(base, null);
    }

    /**
     * The state as URL parameters, leaving out those named in {@code except} (a form that edits one
     * of them carries the others as hidden inputs). With a view, every setting is written out, so
     * that clearing one (an empty filter) overrides the view instead of falling back to it.
     */
    public Map<String, String> params(Set<String> except) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        if (view != null) {
            params.put("view", view.toString());
        }
        if (view != null || scene != Scene.ALL) {
            params.put("scene", scene.code());
        }
        if (view != null || !q.isEmpty()) {
            params.put("q", q);
        }
        if (view != null || !filter.isEmpty()) {
            params.put("filter", filter);
        }
        if (view != null || !sort.isEmpty()) {
            params.put("sort", sort);
        }
        if (!columns.isEmpty()) {
            params.put("cols", String.join(",", columns));
        }
        except.forEach(params::remove);
        return params;
    }

    private static List<String> columns(List<String> given) {
        return given.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().collect(Collectors.toList());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
