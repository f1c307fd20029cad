package io.haina.crm.platform.records.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.customize.ObjectCustomization;
import io.haina.crm.platform.metadata.CustomFieldKind;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.records.FieldPermissions;
import io.haina.crm.platform.records.FieldPermissions.Restriction;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.SameCategoryProducts;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * The detail page of a record as a salesperson reads it: key fields in the header, fields in the
 * object's sections, related lists fetched apart and limited to what the reader may see, and the
 * form's duplicate warning, in the pages and in the API.
 */
@HainaIntegrationTest
class RecordDetailIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    FieldPermissions fieldPermissions;
    @Autowired
    ObjectRegistry objects;
    @Autowired
    SameCategoryProducts sameCategory;
    @Autowired
    ObjectCustomization customization;

    long adminId;
    long repRole;
    long repId;
    long colleagueId;
    WebClient rep;

    @BeforeEach
    void company() {
        adminId = org.admin();
        long sales = org.department("销售部", null);
        repRole = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT).create();
        repId = org.user("wang", "王小明", sales, null, repRole);
        colleagueId = org.user("li", "李华", sales, null, repRole);
        rep = new WebClient(port);
        rep.login("wang", TestOrg.PASSWORD);
    }

    @Test
    void theHeaderShowsTheDeclaredKeyFieldsAndTheDetailsTheDeclaredSections() {
        long id = server(repId, "海纳服务器 X1", "SRV-X1");

        String page = rep.get("/o/product/" + id).body();

        assertThat(highlights(page)).containsExactly("code=SRV-X1", "category=硬件", "list_price=¥12,999.50",
                "active=是", "owner_id=王小明");
        assertThat(sectionHeadings(page)).containsExactly("基本信息", "价格", "描述");
        assertThat(fieldsOf(page, "section-basic")).containsExactly("name", "code", "category", "unit", "active");
        assertThat(fieldsOf(page, "section-pricing")).containsExactly("list_price", "cost");
        assertThat(fieldsOf(page, "section-description")).containsExactly("description");
        assertThat(page).as("no related lists, no such tab").doesNotContain("tab-related");

        WebClient en = new WebClient(port).language("en");
        en.login("wang", TestOrg.PASSWORD);
        assertThat(sectionHeadings(en.get("/o/product/" + id).body())).containsExactly("Basic information", "Pricing", "Description");
    }

    @Test
    void aHiddenFieldIsInNeitherTheHeaderNorASectionNorTheForm() {
        long id = server(repId, "海纳服务器 X1", "SRV-X1");
        fieldPermissions.replaceRules(adminId, repRole, objects.find("product").orElseThrow(),
                Map.of("list_price", Restriction.HIDDEN, "description", Restriction.HIDDEN));

        String page = rep.get("/o/product/" + id).body();

        assertThat(highlights(page)).containsExactly("code=SRV-X1", "category=硬件", "active=是", "owner_id=王小明");
        assertThat(fieldsOf(page, "section-pricing")).containsExactly("cost");
        assertThat(sectionHeadings(page)).containsExactly("基本信息", "价格");
        assertThat(page).doesNotContain("12,999").doesNotContain("双路处理器").doesNotContain("标准价格");
        String form = rep.get("/o/product/" + id + "/edit").body();
        assertThat(form).contains("id=\"form-section-pricing\"").doesNotContain("name=\"list_price\"")
                .doesNotContain("form-section-description");
    }

    @Test
    void aCustomFieldLandsInTheAdditionalSectionOfPageAndForm() {
        long id = server(repId, "海纳服务器 X1", "SRV-X1");
        String warranty = customization.addCustomField(adminId, "product", "保修期", "Warranty", CustomFieldKind.TEXT, List.of());

        String page = rep.get("/o/product/" + id).body();

        assertThat(sectionHeadings(page)).containsExactly("基本信息", "价格", "描述", "其他信息");
        assertThat(fieldsOf(page, "section-additional")).containsExactly(warranty);
        assertThat(rep.get("/o/product/new").body()).contains("id=\"form-section-additional\"").contains("name=\"" + warranty + "\"");
    }

    @Test
    void aRelatedListIsFetchedApartAndShowsOnlyTheChildrenTheReaderMaySee() {
        sameCategory.arm();
        long mine = server(repId, "海纳服务器 X1", "SRV-X1");
        server(repId, "海纳服务器 X2", "SRV-X2");
        server(colleagueId, "李华的服务器", "SRV-LH");
        Map<String, String> software = new LinkedHashMap<>(Map.of("name", "备份软件", "category", "software"));
        records.create(repId, "product", software);

        String page = rep.get("/o/product/" + mine).body();
        assertThat(page).contains("id=\"tab-related-button\"")
                .contains("hx-get=\"/o/product/" + mine + "/related/" + SameCategoryProducts.KEY + "\"")
                .as("the rows come later").doesNotContain("SRV-X2");

        HttpResponse<String> list = rep.get("/o/product/" + mine + "/related/" + SameCategoryProducts.KEY);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("产品（产品分类）").contains("海纳服务器 X2").contains("SRV-X2")
                .doesNotContain("李华的服务器").doesNotContain("备份软件").contains("data-count=\"2\"")
                .contains("href=\"/o/product?filter=category+eq+%27hardware%27\"")
                .contains("href=\"/o/product/new?category=hardware\"");
        assertThat(rep.get("/o/product/new?category=hardware").body()).contains("value=\"hardware\" selected");

        long theirs = records.create(colleagueId, "product", Map.of("name", "李华的另一台", "category", "hardware")).id();
        assertThat(rep.get("/o/product/" + theirs + "/related/" + SameCategoryProducts.KEY).statusCode())
                .as("not for a record the reader may not see").isEqualTo(404);
        assertThat(rep.get("/o/product/" + mine + "/related/nothing-like-this").statusCode()).isEqualTo(404);
    }

    @Test
    void theDuplicateWarningListsOnlyRecordsTheUserMaySee() {
        long mine = server(repId, "海纳服务器 X1", "SRV-X1");
        server(colleagueId, "海纳服务器X1", "SRV-LH");
        server(repId, "海纳服务器 X2", "SRV-X2");
        rep.get("/o/product/new");

        HttpResponse<String> warning = rep.post("/o/product/duplicates", Map.of("name", "  海纳 服务器x1 ", "code", ""));

        assertThat(warning.statusCode()).isEqualTo(200);
        assertThat(warning.body()).contains("可能重复：已有 1 条相似记录").contains("href=\"/o/product/" + mine + "\"")
                .contains("产品名称相同").doesNotContain("SRV-LH").doesNotContain("海纳服务器X1").doesNotContain("X2");
        assertThat(rep.post("/o/product/" + mine + "/duplicates", Map.of("name", "海纳服务器 X1")).body())
                .as("a record does not repeat itself").doesNotContain("duplicate-warning");
        assertThat(rep.post("/o/product/duplicates", Map.of("name", "海纳服务器 X3")).body()).doesNotContain("duplicate-warning");

        HttpResponse<String> saved = rep.post("/o/product", Map.of("name", "海纳服务器 x1", "active", "true"));
        assertThat(saved.statusCode()).as("a warning, not a refusal").isEqualTo(302);
    }

    @Test
    void theApiAnswersPossibleDuplicatesWithAToken() {
        long mine = server(repId, "海纳服务器 X1", "SRV-X1");
        server(colleagueId, "海纳服务器 X1", "SRV-LH");
        WebClient api = new WebClient(port);
        String token = api.apiToken("wang", TestOrg.PASSWORD);

        HttpResponse<String> byQuery = api.json("GET", "/api/v1/objects/product/duplicates?name=%E6%B5%B7%E7%BA%B3%E6%9C%8D%E5%8A%A1%E5%99%A8x1",
                null, token);
        HttpResponse<String> byBody = api.json("POST", "/api/v1/objects/product/duplicates",
                "{\"name\": \"海纳服务器  X1\", \"list_price\": 100}", token);

        assertThat(byQuery.statusCode()).isEqualTo(200);
        assertThat(byQuery.body()).contains("\"id\":" + mine).contains("\"field\":\"name\"")
                .contains("\"code\":\"record.duplicate.same-value\"").doesNotContain("SRV-LH");
        assertThat(byBody.statusCode()).isEqualTo(200);
        assertThat(byBody.body()).contains("\"id\":" + mine).doesNotContain("SRV-LH");
        assertThat(api.json("GET", "/api/v1/objects/product/duplicates?name=x&except=" + mine, null, token).body())
                .isEqualTo("{\"items\":[]}");
        assertThat(api.json("GET", "/api/v1/objects/product/duplicates?name=x", null, null).statusCode()).isEqualTo(401);
    }

    private long server(long owner, String name, String code) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("code", code);
        input.put("category", "hardware");
        input.put("unit", "台");
        input.put("list_price", "12999.5");
        input.put("cost", "8000");
        input.put("description", "双路处理器，256 GB 内存。");
        return records.create(owner, "product", input).id();
    }

    /** The header's key fields as name=shown value. */
    private static List<String> highlights(String page) {
        return all(Pattern.compile("data-highlight=\"(\\w+)\">\\s*<dt>[^<]*</dt>\\s*<dd>(?:<i[^>]*></i>)?([^<]*)</dd>").matcher(page),
                m -> m.group(1) + "=" + m.group(2).strip());
    }

    private static List<String> sectionHeadings(String page) {
        return all(Pattern.compile("<h3 class=\"haina-section-title\">([^<]*)</h3>").matcher(page), m -> m.group(1));
    }

    /** The fields a section of the detail page shows, in order. */
    private static List<String> fieldsOf(String page, String sectionId) {
        Matcher section = Pattern.compile("id=\"" + sectionId + "\">(.*?)</section>", Pattern.DOTALL).matcher(page);
        assertThat(section.find()).as(sectionId).isTrue();
        return all(Pattern.compile("data-field=\"(\\w+)\"").matcher(section.group(1)), m -> m.group(1));
    }

    private static List<String> all(Matcher m, Function<Matcher, String> each) {
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(each.apply(m));
        }
        return found;
    }
}
