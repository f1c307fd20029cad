package io.haina.crm.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The global search finds records by any part of their name, code, e-mail or phone, in Chinese
 * or Latin, and only those the searcher's role and data scope let them open: in the top bar's
 * suggestions, on the results page and through the API.
 */
@HainaIntegrationTest
class GlobalSearchIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    GlobalSearch search;

    final JsonMapper json = JsonMapper.builder().build();
    long repId;
    long colleagueId;
    long visitorId;

    @BeforeEach
    void company() {
        org.admin();
        long repRole = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE).create();
        long visitorRole = org.role("访客").grant("user", ScopeLevel.SELF, ObjectAction.VIEW).create();
        repId = org.user("wang", "王小明", null, null, repRole);
        colleagueId = org.user("li", "李娜", null, null, repRole);
        visitorId = org.user("guest", "访客", null, null, visitorRole);
    }

    @Test
    void findsChineseAndLatinSubstringsOfNamesAndCodesWhateverTheCase() {
        long beijing = product(repId, "北京海纳科技 服务器", "BJ-001");
        long router = product(repId, "ACME Router 9000", "NET-ACME-9");
        product(repId, "上海办公桌", "DESK-01");

        assertThat(ids(search.search(repId, "海纳", 5))).containsExactly(beijing);
        assertThat(ids(search.search(repId, "acme", 5))).containsExactly(router);
        assertThat(ids(search.search(repId, "  net-acme ", 5))).as("by code, stripped, any case").containsExactly(router);
        assertThat(ids(search.search(repId, "bj-0", 5))).containsExactly(beijing);
        assertThat(search.search(repId, "  ", 5).groups()).as("nothing typed, nothing searched").isEmpty();
        assertThat(search.search(repId, "100%_", 5).groups()).as("wildcards are plain characters").isEmpty();

        SearchGroup products = search.search(repId, "acme", 5).groups().getFirst();
        assertThat(products.object()).isEqualTo("product");
        assertThat(products.labelKey()).isEqualTo("object.product");
        assertThat(products.hits().getFirst().href()).isEqualTo("/o/product/" + router);
        assertThat(products.hits().getFirst().detail()).as("the code beside the name").isEqualTo("NET-ACME-9");
    }

    @Test
    void showsAFewPerObjectAndSaysHowManyMatchInAll() {
        for (int i = 1; i <= 8; i++) {
            product(repId, "配件 " + i, "ACC-" + i);
        }

        SearchGroup group = search.search(repId, "配件", 5).groups().getFirst();

        assertThat(group.hits()).hasSize(5);
        assertThat(group.total()).isEqualTo(8);
        assertThat(group.more()).isTrue();
        assertThat(group.listHref()).isEqualTo("/o/product?q=" + URLEncoder.encode("配件", StandardCharsets.UTF_8));
    }

    @Test
    void aRepWithOwnScopeNeverFindsAColleaguesProductAnywhere() {
        product(colleagueId, "李娜的海纳样机", "DEMO-LN");
        long mine = product(repId, "海纳打印机", "PRN-1");
        WebClient browser = signedIn("wang");
        String apiToken = token("wang");

        assertThat(ids(search.search(repId, "样机", 5))).isEmpty();
        assertThat(ids(search.search(repId, "demo-ln", 5))).isEmpty();
        assertThat(ids(search.search(repId, "海纳", 5))).containsExactly(mine);

        assertThat(browser.get("/search/suggestions?q=" + encoded("海纳")).body())
                .contains("<mark>海纳</mark>打印机", "/o/product/" + mine).doesNotContain("李娜的海纳样机");
        assertThat(browser.get("/search?q=DEMO-LN").body()).doesNotContain("李娜的海纳样机").contains("id=\"search-empty\"");
        assertThat(browser.get("/search?q=" + encoded("样机")).body()).doesNotContain("李娜的海纳样机");

        JsonNode byName = api("样机", apiToken);
        assertThat(byName.get("groups")).isEmpty();
        assertThat(api("DEMO", apiToken).get("groups")).isEmpty();
        JsonNode found = api("海纳", apiToken).get("groups");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("total").asLong()).isEqualTo(1);
        assertThat(found.get(0).get("items").get(0).get("name").asString()).isEqualTo("海纳打印机");
    }

    @Test
    void someoneWhoMayNotViewProductsFindsNoneOfThem() {
        product(repId, "海纳服务器", "SRV-1");
        WebClient browser = signedIn("guest");

        assertThat(search.search(visitorId, "海纳", 5).groups()).isEmpty();
        assertThat(browser.get("/search/suggestions?q=" + encoded("海纳")).body()).doesNotContain("海纳服务器")
                .contains("id=\"global-search-empty\"");
        assertThat(browser.get("/search?q=SRV").body()).doesNotContain("海纳服务器");
        assertThat(api("海纳", token("guest")).get("groups")).isEmpty();
        assertThat(api("SRV", token("guest")).get("groups")).isEmpty();
    }

    @Test
    void theSuggestionsAndTheResultsPageGroupByObjectWithItsLabel() {
        long server = product(repId, "海纳服务器", "SRV-1");
        WebClient browser = signedIn("wang").language("en");

        String suggestions = browser.get("/search/suggestions?q=" + encoded("纳服")).body();
        assertThat(suggestions).contains("data-object=\"product\"", "Products", "海<mark>纳服</mark>务器",
                "href=\"/o/product/" + server + "\"", "/search?q=" + encoded("纳服"));
        HttpResponse<String> page = browser.get("/search?q=srv");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"search-group-product\"", "<mark>SRV</mark>-1", "海纳服务器");
        assertThat(browser.get("/search/suggestions?q=").body()).doesNotContain("haina-search-group");

        JsonNode api = api("srv", token("wang"));
        assertThat(api.get("q").asString()).isEqualTo("srv");
        JsonNode group = api.get("groups").get(0);
        assertThat(group.get("object").asString()).isEqualTo("product");
        assertThat(group.get("label").asString()).isEqualTo("Product");
        assertThat(group.get("items").get(0).get("href").asString()).isEqualTo("/o/product/" + server);
        assertThat(group.get("items").get(0).get("apiPath").asString()).isEqualTo("/api/v1/objects/product/" + server);
        assertThat(new WebClient(port).json("GET", "/api/v1/search?q=srv", null, null).statusCode()).isEqualTo(401);
    }

    private long product(long owner, String name, String code) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("code", code);
        return records.create(owner, "product", input).id();
    }

    private static List<Long> ids(SearchResults results) {
        return results.groups().stream().flatMap(g -> g.hits().stream()).map(SearchHit::id).toList();
    }

    private WebClient signedIn(String username) {
        WebClient client = new WebClient(port);
        client.login(username, TestOrg.PASSWORD);
        return client;
    }

    private String token(String username) {
        return new WebClient(port).apiToken(username, TestOrg.PASSWORD);
    }

    private JsonNode api(String q, String token) {
        HttpResponse<String> response = new WebClient(port).language("en").json("GET", "/api/v1/search?q=" + encoded(q), null, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
