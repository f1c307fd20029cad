package io.haina.crm.platform.search;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.Messages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/search?q=}: the global search for API clients, grouped by object as in the top bar. */
@RestController
@Tag(name = "Search")
class SearchApiController {

    static final int MAX_PER_OBJECT = 50;

    private final GlobalSearch search;
    private final CurrentUsers users;

    SearchApiController(GlobalSearch search, CurrentUsers users) {
        this.search = search;
        this.users = users;
    }

    record HitView(long id, String name, String detail, String href, String apiPath) {
    }

    record GroupView(String object, String label, long total, boolean totalCapped, List<HitView> items) {
    }

    record ResultsView(String q, List<GroupView> groups) {
    }

    @GetMapping("/api/v1/search")
    @Operation(summary = "Find records of every object the caller may view",
            description = "Matches the name, unique codes, e-mail addresses and phone numbers (substring, any case, "
                    + "Chinese or Latin). Objects without a match are left out; each group says how many match in all.")
    ResultsView search(@Parameter(description = "The text to find") @RequestParam(required = false) String q,
                       @Parameter(description = "Matches per object, 1 to " + MAX_PER_OBJECT)
                       @RequestParam(defaultValue = "10") int limit, Messages msg) {
        SearchResults results = search.search(users.require().id(), q, Math.clamp(limit, 1, MAX_PER_OBJECT));
        return new ResultsView(results.text(), results.groups().stream().map(group -> new GroupView(group.object(),
                msg.t(group.labelKey()), group.total(), group.totalCapped(), group.hits().stream()
                .map(hit -> new HitView(hit.id(), hit.name(), hit.detail(), hit.href(),
                        "/api/v1/objects/" + group.object() + "/" + hit.id())).toList())).toList());
    }
}
