package io.haina.crm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.customize.ObjectCustomization;
import io.haina.crm.platform.metadata.CustomFieldKind;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A custom lookup field "替代产品" on Products pointing at Products: who may set it to what, and
 * what every reader sees of it — on the list, the detail page, the history, the export, the API,
 * the typeahead and in filters — with the reader's own permissions on the target.
 */
@HainaIntegrationTest
class LookupFieldIntegrationTest {

    static final String NOT_VISIBLE = "（不可见）";

    @Autowired
    ObjectCustomization customization;
    @Autowired
    RecordService records;
    @Autowired
    RecordFinder finder;
    @Autowired
    BulkChanges bulk;
    @Autowired
    TestOrg org;
    @Autowired
    DSLContext db;
    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();
    long admin;
    long wang;
    long li;
    String replacement;

    @BeforeEach
    void company() {
        admin = org.admin();
        long sales = org.department("销售部", null);
        long repRole = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.EXPORT).create();
        wang = org.user("wang", "王小明", sales, null, repRole);
        li = org.user("li", "李娜", sales, null, repRole);
        replacement = customization.addCustomField(admin, "product", "替代产品", "Replacement product",
                CustomFieldKind.LOOKUP, List.of(), "product");
    }

    @Test
    void aRepPointsALookupOnlyAtLiveRecordsTheyMaySeeAndLearnsNothingAboutTheOthers() {
        long own = product(wang, "海纳服务器 X1").id();
        long colleagues = product(li, "李娜的样机").id();
        int before = db.fetchCount(db.selectFrom("product"));

        assertRefused(() -> records.create(wang, "product", Map.of("name", "海纳服务器 X2", replacement, String.valueOf(colleagues))));
        assertRefused(() -> records.create(wang, "product", Map.of("name", "海纳服务器 X2", replacement, "987654")));
        assertThat(db.fetchCount(db.selectFrom("product"))).as("nothing written").isEqualTo(before);

        RecordData successor = records.create(wang, "product", Map.of("name", "海纳服务器 X2", replacement, String.valueOf(own)));
        assertThat(successor.get(replacement)).isEqualTo(own);
        assertRefused(() -> records.update(wang, "product", successor.id(), successor.version(),
                Map.of(replacement, String.valueOf(colleagues))));
        assertThat(records.read(wang, "product", successor.id()).get(replacement)).isEqualTo(own);

        records.delete(admin, "product", own);
        assertRefused(() -> records.create(wang, "product", Map.of("name", "海纳服务器 X3", replacement, String.valueOf(own))));
        RecordData renamed = records.update(wang, "product", successor.id(), successor.version(),
                Map.of("name", "海纳服务器 X2 Pro", replacement, String.valueOf(own)));
        assertThat(renamed.get("name")).as("a target that became unreachable still lets the record be edited")
                .isEqualTo("海纳服务器 X2 Pro");
        assertThat(renamed.get(replacement)).isEqualTo(own);
        assertThat(records.update(wang, "product", successor.id(), renamed.version(), Map.of(replacement, "")).get(replacement))
                .as("and cleared").isNull();
    }

    @Test
    void theFormSaysWhyBesideTheFieldAndKeepsTheInput() {
        long colleagues = product(li, "李娜的样机").id();
        WebClient form = signedIn("wang");
        form.get("/o/product/new");

        HttpResponse<String> refused = form.post("/o/product", Map.of("name", "海纳服务器 X2", replacement, String.valueOf(colleagues)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("所选记录不存在或您无权查看。", "value=\"海纳服务器 X2\"")
                .contains("name=\"" + replacement + "\" value=\"" + colleagues + "\"")
                .as("the chosen record's name is not told either").doesNotContain("李娜的样机");
        assertThat(finder.list(wang, "product", RecordListRequest.firstPage()).items()).isEmpty();
    }

    @Test
    void bulkChangesGoThroughTheSameCheck() {
        long mine = product(wang, "海纳服务器 X1").id();
        long colleagues = product(li, "李娜的样机").id();

        assertThatThrownBy(() -> bulk.set(wang, "product", List.of(mine), replacement, String.valueOf(colleagues)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::messageKey)
                        .contains(tuple(replacement, "validation.lookup")));
        assertThat(records.read(wang, "product", mine).get(replacement)).isNull();
    }

    @Test
    void pagesShowTheTargetsNameAsALinkAndAPlaceholderToWhoeverMayNotSeeIt() {
        RecordData server = product(wang, "海纳服务器 X1");
        RecordData printer = product(wang, "海纳打印机 P2");
        RecordData successor = records.create(wang, "product", Map.of("name", "海纳服务器 X2", replacement, String.valueOf(server.id())));
        records.update(wang, "product", successor.id(), successor.version(), Map.of(replacement, String.valueOf(printer.id())));
        records.shareWith(wang, "product", successor.id(), li, false, null);
        String link = "<a href=\"/o/product/" + printer.id() + "\" data-lookup-link>海纳打印机 P2</a>";

        WebClient owner = signedIn("wang");
        String list = owner.get("/o/product?cols=name," + replacement).body();
        assertThat(list).contains("替代产品", link);
        String detail = owner.get("/o/product/" + successor.id()).body();
        assertThat(detail).contains(link).as("history: from → to by name").contains("海纳服务器 X1", "海纳打印机 P2");
        assertThat(owner.get("/o/product/" + successor.id() + "/edit").body())
                .contains("name=\"" + replacement + "\" value=\"" + printer.id() + "\"", "value=\"海纳打印机 P2\"");

        WebClient colleague = signedIn("li");
        String shared = colleague.get("/o/product/" + successor.id()).body();
        assertThat(shared).contains("海纳服务器 X2", NOT_VISIBLE).doesNotContain("海纳打印机").doesNotContain("海纳服务器 X1")
                .doesNotContain("href=\"/o/product/" + printer.id() + "\"");
        assertThat(colleague.get("/o/product?cols=name," + replacement).body()).contains("海纳服务器 X2", NOT_VISIBLE)
                .doesNotContain("海纳打印机");
    }

    @Test
    void exportsWriteTheNameAndNotWhatTheExporterMayNotSee() {
        RecordData server = product(wang, "海纳服务器 X1");
        RecordData successor = records.create(wang, "product", Map.of("name", "海纳服务器 X2", replacement, String.valueOf(server.id())));
        records.shareWith(wang, "product", successor.id(), li, false, null);

        String mine = export(signedIn("wang"));
        assertThat(mine.lines().findFirst().orElseThrow()).contains("替代产品");
        assertThat(mine.lines().filter(l -> l.startsWith("海纳服务器 X2,"))).singleElement().asString().endsWith(",海纳服务器 X1");
        String theirs = export(signedIn("li"));
        assertThat(theirs.lines().filter(l -> l.startsWith("海纳服务器 X2,"))).singleElement().asString().contains(NOT_VISIBLE);
        assertThat(theirs).doesNotContain("海纳服务器 X1");
    }

    @Test
    void theApiKeepsTheIdAndNamesTheTargetBesideIt() {
        RecordData server = product(wang, "海纳服务器 X1");
        long colleagues = product(li, "李娜的样机").id();
        WebClient client = new WebClient(port).language("en");
        String wangToken = client.apiToken("wang", TestOrg.PASSWORD);
        String liToken = client.apiToken("li", TestOrg.PASSWORD);

        HttpResponse<String> created = client.json("POST", "/api/v1/objects/product",
                "{\"name\":\"海纳服务器 X2\",\"" + replacement + "\":" + server.id() + "}", wangToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        assertThat(body.get(replacement).asLong()).isEqualTo(server.id());
        assertThat(body.get("_display").get(replacement).asString()).isEqualTo("海纳服务器 X1");
        long id = body.get("id").asLong();

        HttpResponse<String> refused = client.json("POST", "/api/v1/objects/product",
                "{\"name\":\"海纳服务器 X3\",\"" + replacement + "\":" + colleagues + "}", wangToken);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode error = json.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(replacement);
        assertThat(error.get("message").asString()).isEqualTo("The chosen record does not exist or you may not see it.");

        HttpResponse<String> patched = client.json("PATCH", "/api/v1/objects/product/" + id,
                "{\"version\":0,\"" + replacement + "\":\"" + (colleagues + 1000) + "\"}", wangToken);
        assertThat(patched.statusCode()).isEqualTo(400);
        assertThat(json.readTree(patched.body()).get("errors").get(0).get("field").asString()).isEqualTo(replacement);

        // A client that sends back what it read (with _display) changes nothing it did not mean to.
        HttpResponse<String> echoed = client.json("PATCH", "/api/v1/objects/product/" + id,
                created.body().replace("海纳服务器 X2", "海纳服务器 X2 Pro"), wangToken);
        assertThat(echoed.statusCode()).as(echoed.body()).isEqualTo(200);
        assertThat(json.readTree(echoed.body()).get("_display").get(replacement).asString()).isEqualTo("海纳服务器 X1");

        records.shareWith(wang, "product", id, li, false, null);
        JsonNode seenByLi = json.readTree(client.json("GET", "/api/v1/objects/product/" + id, null, liToken).body());
        assertThat(seenByLi.get(replacement).asLong()).isEqualTo(server.id());
        assertThat(seenByLi.get("_display").get(replacement).isNull()).as("no name for a target li may not see").isTrue();
        assertThat(client.json("GET", "/api/v1/objects/product?limit=5", null, liToken).body()).doesNotContain("海纳服务器 X1");

        JsonNode metadata = json.readTree(client.json("GET", "/api/v1/metadata/product", null, wangToken).body());
        JsonNode field = metadata.get("fields").valueStream().filter(f -> f.get("name").asString().equals(replacement))
                .findFirst().orElseThrow();
        assertThat(field.get("type").asString()).isEqualTo("lookup");
        assertThat(field.get("lookupObject").asString()).isEqualTo("product");
        assertThat(field.get("label").asString()).isEqualTo("Replacement product");
    }

    @Test
    void theTypeaheadOffersOnlyWhatTheReaderMaySeeAndFiltersTakeTheId() {
        RecordData server = product(wang, "海纳服务器 X1");
        product(li, "海纳服务器 李娜版");
        RecordData successor = records.create(wang, "product", Map.of("name", "海纳服务器 X2", replacement, String.valueOf(server.id())));
        product(wang, "海纳打印机 P2");

        String choices = signedIn("wang").get("/o/product/lookup?q=" + java.net.URLEncoder.encode("服务器", StandardCharsets.UTF_8)).body();
        assertThat(choices).contains("data-id=\"" + server.id() + "\"", "data-name=\"海纳服务器 X1\"", "海纳服务器 X2")
                .doesNotContain("李娜版").doesNotContain("海纳打印机");
        assertThat(signedIn("wang").get("/o/product/lookup?q=zzz").body()).contains("没有与“zzz”匹配的记录");

        assertThat(names(replacement + " eq " + server.id())).containsExactly("海纳服务器 X2");
        assertThat(names(replacement + " in (" + server.id() + ", 42)")).containsExactly("海纳服务器 X2");
        assertThat(names(replacement + " ne " + server.id())).containsExactlyInAnyOrder("海纳服务器 X1", "海纳打印机 P2");
        assertThat(names(replacement + " notempty")).containsExactly("海纳服务器 X2");
        assertThat(names(replacement + " empty")).hasSize(2);
        assertThatThrownBy(() -> names(replacement + " eq 海纳服务器")).isInstanceOf(InvalidInputException.class);

        String filtered = signedIn("wang").get("/o/product?filter=" + replacement + "%20eq%20" + server.id()).body();
        assertThat(filtered).as("the builder row shows the chosen record's name").contains("value=\"海纳服务器 X1\"")
                .contains("name=\"f0.v\" value=\"" + server.id() + "\"");
        assertThat(successor.id()).isPositive();
    }

    @Test
    void aLookupFieldNeedsATargetAndGetsAnIndexedColumn() {
        assertThatThrownBy(() -> customization.addCustomField(admin, "product", "上一代", "Predecessor",
                CustomFieldKind.LOOKUP, List.of(), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("target"));
        assertThat(db.fetchSingle("select data_type from information_schema.columns where table_name = 'product' "
                + "and column_name = ?", replacement).get(0, String.class)).isEqualTo("bigint");
        assertThat(db.fetchSingle("select count(*) from pg_indexes where tablename = 'product' and indexdef like ?",
                "%(" + replacement + ")%").get(0, Integer.class)).isEqualTo(1);

        WebClient page = signedIn(TestOrg.ADMIN);
        assertThat(page.get("/admin/objects/product").body()).contains("关联记录", "→ 产品");
        HttpResponse<String> noTarget = page.post("/admin/objects/product/fields", Map.of("labelZh", "上一代",
                "labelEn", "Predecessor", "kind", "LOOKUP", "target", "nothing"));
        assertThat(noTarget.statusCode()).isEqualTo(422);
        assertThat(noTarget.body()).contains("请选择关联的对象。");
    }

    private RecordData product(long owner, String name) {
        return records.create(owner, "product", Map.of("name", name));
    }

    private List<Object> names(String filter) {
        return finder.list(wang, "product", new RecordListRequest(null, filter, Scene.ALL, null, null, 50)).items()
                .stream().map(r -> r.get("name")).toList();
    }

    private WebClient signedIn(String username) {
        WebClient client = new WebClient(port).language("zh-CN");
        client.login(username, TestOrg.PASSWORD);
        return client;
    }

    private static String export(WebClient client) {
        byte[] bytes = client.download("/o/product/export?format=csv", null).body();
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    /** Refused beside the lookup field, with the one message for a missing and an unseen record alike. */
    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::messageKey)
                .containsExactly(tuple(replacement, "validation.lookup")));
    }
}
