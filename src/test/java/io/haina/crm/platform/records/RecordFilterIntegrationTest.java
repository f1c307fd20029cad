package io.haina.crm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Filters and scenes on lists: what a user asks for, always inside what they may see. */
@HainaIntegrationTest
class RecordFilterIntegrationTest {

    @Autowired
    RecordService records;
    @Autowired
    RecordFinder finder;
    @Autowired
    TestOrg org;
    @Autowired
    MutableClock clock;
    @LocalServerPort
    int port;

    long manager;
    long rep;
    long otherRep;

    @BeforeEach
    void company() {
        org.admin();
        long managerRole = org.role("销售经理").grant("product", ScopeLevel.SELF_AND_SUBORDINATES,
                ObjectAction.VIEW, ObjectAction.CREATE).create();
        long repRole = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE).create();
        manager = org.user("zhang", "张经理", null, null, managerRole);
        rep = org.user("wang", "王小明", null, manager, repRole);
        otherRep = org.user("li", "李娜", null, null, repRole);
        records.create(rep, "product", Map.of("name", "海纳服务器 X1", "code", "SRV-X1", "category", "hardware", "list_price", "12999"));
        records.create(rep, "product", Map.of("name", "海纳 CRM 标准版", "code", "CRM-STD", "category", "software", "list_price", "¥3,000"));
        records.create(rep, "product", Map.of("name", "实施服务", "category", "service", "list_price", "800", "active", "否"));
        records.create(manager, "product", Map.of("name", "培训课程", "code", "TRN-01", "category", "service"));
        records.create(otherRep, "product", Map.of("name", "海纳 CRM 企业版", "code", "CRM-ENT", "category", "software", "list_price", "9000"));
    }

    @Test
    void comparisonsOnTextNumbersPicklistsAndEmptiness() {
        assertThat(names(manager, "category eq software")).containsExactly("海纳 CRM 标准版");
        assertThat(names(manager, "category in (hardware, software) and list_price >= '¥3,000'"))
                .containsExactlyInAnyOrder("海纳服务器 X1", "海纳 CRM 标准版");
        assertThat(names(manager, "list_price between 500 and 5000")).containsExactlyInAnyOrder("海纳 CRM 标准版", "实施服务");
        assertThat(names(manager, "name contains 'crm'")).containsExactly("海纳 CRM 标准版");
        assertThat(names(manager, "code startswith srv")).containsExactly("海纳服务器 X1");
        assertThat(names(manager, "code eq 'crm-std'")).as("equality ignores case").containsExactly("海纳 CRM 标准版");
        assertThat(names(manager, "code empty")).containsExactly("实施服务");
        assertThat(names(manager, "list_price empty")).containsExactly("培训课程");
        assertThat(names(manager, "active = false")).containsExactly("实施服务");
    }

    @Test
    void notEqualAndNotContainsKeepEmptyValues() {
        assertThat(names(manager, "code ne 'SRV-X1'")).containsExactlyInAnyOrder("海纳 CRM 标准版", "实施服务", "培训课程");
        assertThat(names(manager, "code notcontains crm")).containsExactlyInAnyOrder("海纳服务器 X1", "实施服务", "培训课程");
    }

    @Test
    void orAndNotGroups() {
        assertThat(names(manager, "(category eq hardware or list_price < 1000) and not (name contains 实施)"))
                .containsExactly("海纳服务器 X1");
    }

    @Test
    void bookkeepingFieldsFilterLikeDeclaredOnes() {
        assertThat(names(manager, "owner_id eq me")).containsExactly("培训课程");
        assertThat(names(rep, "owner_id eq me")).hasSize(3);
        clock.advance(Duration.ofDays(40));
        records.create(manager, "product", Map.of("name", "新品"));

        assertThat(names(manager, "created_at during last_30_days")).containsExactly("新品");
        assertThat(names(manager, "created_at during this_year or created_at during last_year")).hasSize(5);
        assertThat(names(manager, "created_at lt " + java.time.LocalDate.now(clock).minusDays(1))).hasSize(4);
    }

    @Test
    void aFilterNeverWidensWhatTheUserMaySee() {
        assertThat(names(otherRep, "category eq software or category ne software")).containsExactly("海纳 CRM 企业版");
        assertThat(names(rep, "owner_id eq " + otherRep)).isEmpty();
        assertThat(names(manager, "name contains 企业版")).as("li is not zhang's subordinate").isEmpty();
    }

    @Test
    void scenesNarrowByOwner() {
        assertThat(names(manager, Scene.MINE)).containsExactly("培训课程");
        assertThat(names(manager, Scene.SUBORDINATES)).containsExactlyInAnyOrder("海纳服务器 X1", "海纳 CRM 标准版", "实施服务");
        assertThat(names(manager, Scene.ALL)).hasSize(4);
        assertThat(names(rep, Scene.SUBORDINATES)).isEmpty();
    }

    @Test
    void filtersThatDoNotFitTheObjectAreRefusedWithTheReason() {
        assertRefused("colour eq red", "filter.error.unknown-field");
        assertRefused("active contains x", "filter.error.operator-not-for-field");
        assertRefused("list_price gt ten", "filter.error.value");
        assertRefused("category eq food", "filter.error.value");
        assertRefused("created_at during someday", "filter.error.period");
    }

    @Test
    void theApiTakesFilterAndSceneAndExplainsMistakesInTheCallersLanguage() {
        WebClient client = new WebClient(port).language("zh-CN");
        String token = JsonMapper.builder().build().readTree(client.json("POST", "/api/v1/auth/login",
                "{\"username\":\"zhang\",\"password\":\"" + TestOrg.PASSWORD + "\"}", null).body()).get("token").asString();

        HttpResponse<String> filtered = client.json("GET", "/api/v1/objects/product?withTotal=true&scene=subordinates&sort=-list_price&filter="
                + java.net.URLEncoder.encode("list_price > 500", java.nio.charset.StandardCharsets.UTF_8), null, token);
        JsonNode page = JsonMapper.builder().build().readTree(filtered.body());
        assertThat(filtered.statusCode()).as(filtered.body()).isEqualTo(200);
        assertThat(page.get("items").valueStream().map(i -> i.get("name").asString()).toList())
                .containsExactly("海纳服务器 X1", "海纳 CRM 标准版", "实施服务");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        JsonNode uncounted = JsonMapper.builder().build().readTree(client.json("GET", "/api/v1/objects/product?scene=mine",
                null, token).body());
        assertThat(uncounted.get("items")).hasSize(1);
        assertThat(uncounted.get("total").isNull()).as("no count unless asked").isTrue();
        JsonNode counted = JsonMapper.builder().build().readTree(client.json("GET",
                "/api/v1/objects/product/count?filter=category%20eq%20service", null, token).body());
        assertThat(counted.get("total").asInt()).isEqualTo(2);
        assertThat(counted.get("totalCapped").asBoolean()).isFalse();

        HttpResponse<String> bad = client.json("GET", "/api/v1/objects/product?filter=colour%20eq%20red", null, token);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("没有名为“colour”的字段");
        assertThat(client.json("GET", "/api/v1/objects/product?scene=everyone", null, token).statusCode()).isEqualTo(400);
    }

    @Test
    void laterPagesKeepTheFirstPagesTotal() {
        RecordPage first = finder.list(manager, "product", new RecordListRequest(null, null, Scene.ALL, "name", null, 2));
        RecordPage second = finder.list(manager, "product", new RecordListRequest(null, null, Scene.ALL, "name", first.nextCursor(), 2));

        assertThat(first.total()).isEqualTo(4);
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.items()).extracting(r -> r.get("name")).doesNotContainAnyElementsOf(
                first.items().stream().map(r -> r.get("name")).toList());
    }

    private List<Object> names(long actor, String filter) {
        return finder.list(actor, "product", new RecordListRequest(null, filter, Scene.ALL, null, null, 50)).items()
                .stream().map(r -> r.get("name")).toList();
    }

    private List<Object> names(long actor, Scene scene) {
        return finder.list(actor, "product", new RecordListRequest(null, null, scene, null, null, 50)).items()
                .stream().map(r -> r.get("name")).toList();
    }

    private void assertRefused(String filter, String key) {
        assertThatThrownBy(() -> names(manager, filter)).as(filter).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::messageKey).containsExactly(key));
    }
}
