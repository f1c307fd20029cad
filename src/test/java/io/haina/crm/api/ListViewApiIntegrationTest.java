package io.haina.crm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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

/** Saved views through the REST API: saved, used for a list, kept private, changed only on the version read. */
@HainaIntegrationTest
class ListViewApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;

    final JsonMapper json = JsonMapper.builder().build();
    WebClient client;
    String rep;
    String otherRep;
    String admin;

    @BeforeEach
    void company() {
        long adminId = org.admin();
        long repRole = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE).create();
        long wang = org.user("wang", "王小明", null, null, repRole);
        org.user("li", "李娜", null, null, repRole);
        records.create(wang, "product", Map.of("name", "海纳服务器 X1", "category", "hardware"));
        records.create(wang, "product", Map.of("name", "海纳 CRM 订阅", "category", "subscription"));
        records.create(adminId, "product", Map.of("name", "管理员的服务器", "category", "hardware"));
        client = new WebClient(port).language("en");
        rep = client.apiToken("wang", TestOrg.PASSWORD);
        otherRep = client.apiToken("li", TestOrg.PASSWORD);
        admin = client.apiToken(TestOrg.ADMIN, TestOrg.PASSWORD);
    }

    @Test
    void aRepSavesAViewAndListsThroughIt() {
        HttpResponse<String> created = client.json("POST", "/api/v1/objects/product/views",
                "{\"name\":\"我的硬件\",\"filter\":\"category eq hardware\",\"sort\":\"name\",\"columns\":[\"name\",\"code\"]}", rep);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = json.readTree(created.body());
        long id = view.get("id").asLong();
        assertThat(view.get("sharing").asString()).isEqualTo("personal");
        assertThat(view.get("scene").asString()).isEqualTo("all");

        JsonNode listed = json.readTree(client.json("GET", "/api/v1/objects/product/views", null, rep).body());
        assertThat(listed).extracting(v -> v.get("name").asString()).containsExactly("我的硬件");

        JsonNode page = json.readTree(client.json("GET", "/api/v1/objects/product?view=" + id, null, rep).body());
        assertThat(page.get("items")).extracting(p -> p.get("name").asString()).containsExactly("海纳服务器 X1");
        JsonNode overridden = json.readTree(client.json("GET", "/api/v1/objects/product?view=" + id
                + "&filter=category%20eq%20subscription", null, rep).body());
        assertThat(overridden.get("items")).extracting(p -> p.get("name").asString()).containsExactly("海纳 CRM 订阅");
    }

    @Test
    void aPersonalViewIsNobodyElsesAndAStaleChangeIsRefused() {
        long id = json.readTree(client.json("POST", "/api/v1/objects/product/views", "{\"name\":\"我的视图\"}", rep).body())
                .get("id").asLong();

        assertThat(client.json("GET", "/api/v1/objects/product/views/" + id, null, otherRep).statusCode()).isEqualTo(404);
        assertThat(client.json("GET", "/api/v1/objects/product?view=" + id, null, otherRep).statusCode()).isEqualTo(404);
        assertThat(client.json("DELETE", "/api/v1/objects/product/views/" + id, null, otherRep).statusCode()).isEqualTo(404);

        assertThat(client.json("PUT", "/api/v1/objects/product/views/" + id, "{\"name\":\"改名\",\"version\":0}", rep)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> stale = client.json("PUT", "/api/v1/objects/product/views/" + id,
                "{\"name\":\"再改名\",\"version\":0}", rep);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json.readTree(client.json("GET", "/api/v1/objects/product/views/" + id, null, rep).body())
                .get("name").asString()).isEqualTo("改名");
    }

    @Test
    void onlyAnAdministratorSharesAndBadInputIsExplained() {
        HttpResponse<String> shared = client.json("POST", "/api/v1/objects/product/views",
                "{\"name\":\"大家的\",\"sharing\":\"everyone\"}", rep);
        assertThat(shared.statusCode()).isEqualTo(400);
        assertThat(shared.body()).contains("sharing");

        HttpResponse<String> unknown = client.json("POST", "/api/v1/objects/product/views",
                "{\"name\":\"怪\",\"sharing\":\"friends\"}", rep);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Unknown sharing \\\"friends\\\"");

        HttpResponse<String> badFilter = client.json("POST", "/api/v1/objects/product/views",
                "{\"name\":\"坏\",\"filter\":\"price eq\"}", rep);
        assertThat(badFilter.statusCode()).isEqualTo(400);

        HttpResponse<String> everyone = client.json("POST", "/api/v1/objects/product/views",
                "{\"name\":\"全部硬件\",\"sharing\":\"everyone\",\"filter\":\"category eq hardware\"}", admin);
        assertThat(everyone.statusCode()).isEqualTo(201);
        JsonNode seen = json.readTree(client.json("GET", "/api/v1/objects/product/views", null, otherRep).body());
        assertThat(seen).extracting(v -> v.get("name").asString()).containsExactly("全部硬件");
        long id = json.readTree(everyone.body()).get("id").asLong();
        // Shared, the view still lists only what the reader may see: li owns no products.
        JsonNode page = json.readTree(client.json("GET", "/api/v1/objects/product?view=" + id, null, otherRep).body());
        assertThat(page.get("items")).isEmpty();
        assertThat(client.json("DELETE", "/api/v1/objects/product/views/" + id, null, otherRep).statusCode()).isEqualTo(403);
    }
}
