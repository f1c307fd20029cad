package io.haina.crm.platform.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.haina.crm.platform.security.CurrentUsers;

/**
 * The top bar's search: suggestions while typing (an htmx fragment under the box) and the full
 * results page the box opens on Enter.
 */
@Controller
class SearchController {

    static final String PAGE = "/search";
    static final String SUGGESTIONS = "/search/suggestions";
    static final int SUGGESTIONS_PER_OBJECT = 5;
    static final int RESULTS_PER_OBJECT = 20;

    private final GlobalSearch search;
    private final CurrentUsers users;

    SearchController(GlobalSearch search, CurrentUsers users) {
        this.search = search;
        this.users = users;
    }

    @GetMapping(PAGE)
    String results(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("results", search.search(users.require().id(), q, RESULTS_PER_OBJECT));
        return "search/results";
    }

    @GetMapping(SUGGESTIONS)
    String suggestions(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("results", search.suggest(users.require().id(), q, SUGGESTIONS_PER_OBJECT));
        return "search/suggestions";
    }
}
