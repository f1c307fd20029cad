package io.haina.crm.sales.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestNotices;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over HTTP: the rules' admin page and API are for administrators only (403 for anyone else,
 * problem JSON on the API); the API creates, changes, moves and deletes rules and explains bad
 * input at its fields; the lead page's "assign" button and form ask for the TRANSFER grant.
 */
@HainaIntegrationTest
class AssignmentPagesIntegrationTest {

    final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    TestNotices notices;

    long east;
    long manager;
    long wang;
    long li;

    @BeforeEach
    void team() {
        org.admin();
        east = org.department("华东销售部", null);
        long rep = org.role("销售代表").worksOwn("lead").create();
        long managerRole = org.role("销售经理").grant("lead", ScopeLevel.DEPARTMENT_AND_CHILDREN, ObjectAction.VIEW,
                ObjectAction.EDIT, ObjectAction.TRANSFER).create();
        manager = org.user("zhang", "张经理", east, null, managerRole);
        wang = org.user("wang", "王小明", east, manager, rep);
        li = org.user("li", "李娜", east, manager, rep);
    }

    @Test
    void nobodyButAnAdministratorReachesTheRulesPageOrApi() {
        WebClient rep = new WebClient(port);
        rep.login("zhang", TestOrg.PASSWORD);
        assertThat(rep.get("/admin/assignment-rules").statusCode()).isEqualTo(403);
        assertThat(rep.get("/admin/assignment-rules/new").statusCode()).isEqualTo(403);
        rep.get("/");
        assertThat(rep.post("/admin/assignment-rules/settings", Map.of("applyToHandEntered", "true")).statusCode())
                .isEqualTo(403);

        String token = new WebClient(port).apiToken("zhang", TestOrg.PASSWORD);
        HttpResponse<String> listed = new WebClient(port).json("GET", "/api/v1/assignment-rules", null, token);
        assertThat(listed.statusCode()).isEqualTo(403);
        assertThat(listed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(new WebClient(port).json("POST", "/api/v1/assignment-rules",
                "{\"name\":\"越权\",\"targetKind\":\"USER\",\"targetUserId\":" + wang + "}", token).statusCode()).isEqualTo(403);

        WebClient admin = new WebClient(port);
        admin.login(TestOrg.ADMIN, TestOrg.PASSWORD);
        assertThat(admin.get("/admin/assignment-rules").body()).contains("线索分配规则", "还没有分配规则");
    }

    @Test
    void theApiKeepsRulesInOrderAndExplainsBadInputAtItsFields() {
        WebClient client = new WebClient(port);
        String token = client.apiToken(TestOrg.ADMIN, TestOrg.PASSWORD);

        HttpResponse<String> refused = client.json("POST", "/api/v1/assignment-rules",
                "{\"name\":\"\",\"targetKind\":\"ROUND_ROBIN\",\"followUpHours\":0,\"endAction\":\"REASSIGN\",\"sources\":[\"tv\"]}",
                token);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("errors").toString()).contains("name", "targetDepartmentId", "followUpHours", "sources",
                "时限为 1 到 2160 小时");
        assertThat(client.json("POST", "/api/v1/assignment-rules", "{\"name\":\"怪\",\"targetKind\":\"SOMEONE\"}", token)
                .statusCode()).isEqualTo(400);

        HttpResponse<String> first = client.json("POST", "/api/v1/assignment-rules",
                "{\"name\":\"华东官网\",\"regions\":[\"华东\"],\"sources\":[\"website\"],\"targetKind\":\"round_robin\","
                        + "\"targetDepartmentId\":" + east + ",\"followUpHours\":24,\"endAction\":\"REASSIGN\"}", token);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode created = json.readTree(first.body());
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/assignment-rules/" + created.get("id").asLong());
        assertThat(created.get("targetKind").asString()).isEqualTo("ROUND_ROBIN");
        assertThat(created.get("position").asInt()).isEqualTo(1);

        HttpResponse<String> second = client.json("POST", "/api/v1/assignment-rules",
                "{\"name\":\"兜底\",\"targetKind\":\"USER\",\"targetUserId\":" + wang + ",\"position\":1}", token);
        assertThat(second.statusCode()).isEqualTo(201);
        JsonNode all = json.readTree(client.json("GET", "/api/v1/assignment-rules", null, token).body());
        assertThat(all).extracting(r -> r.get("name").asString()).containsExactly("兜底", "华东官网");

        long id = created.get("id").asLong();
        HttpResponse<String> changed = client.json("PUT", "/api/v1/assignment-rules/" + id,
                "{\"name\":\"华东官网\",\"active\":false,\"targetKind\":\"LEAST_LOADED\",\"targetDepartmentId\":" + east
                        + ",\"position\":1,\"version\":" + created.get("version").asInt() + "}", token);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("active").asBoolean()).isFalse();
        assertThat(json.readTree(changed.body()).get("followUpHours").isNull()).isTrue();
        HttpResponse<String> stale = client.json("PUT", "/api/v1/assignment-rules/" + id,
                "{\"name\":\"再改\",\"targetKind\":\"USER\",\"targetUserId\":" + wang + ",\"version\":0}", token);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json.readTree(client.json("GET", "/api/v1/assignment-rules", null, token).body()))
                .extracting(r -> r.get("name").asString()).containsExactly("华东官网", "兜底");

        assertThat(client.json("DELETE", "/api/v1/assignment-rules/" + id, null, token).statusCode()).isEqualTo(204);
        assertThat(client.json("GET", "/api/v1/assignment-rules/" + id, null, token).statusCode()).isEqualTo(404);
        assertThat(json.readTree(client.json("GET", "/api/v1/assignment-rules", null, token).body()))
                .extracting(r -> r.get("position").asInt()).containsExactly(1);
    }

    @Test
    void theAssignButtonAndFormAskForTheTransferGrantAndTellTheNewOwner() {
        RecordData lead = records.create(wang, "lead", Map.of("name", "上海云帆网络"));

        WebClient rep = new WebClient(port);
        rep.login("wang", TestOrg.PASSWORD);
        assertThat(rep.open("/o/lead/" + lead.id()).body()).doesNotContain("/assign/lead/" + lead.id());
        assertThat(rep.get("/assign/lead/" + lead.id()).statusCode()).isEqualTo(403);
        assertThat(rep.post("/assign/lead/" + lead.id(), Map.of("ownerId", String.valueOf(li))).statusCode()).isEqualTo(403);

        WebClient boss = new WebClient(port);
        boss.login("zhang", TestOrg.PASSWORD);
        assertThat(boss.open("/o/lead/" + lead.id()).body()).contains("/assign/lead/" + lead.id());
        String form = boss.get("/assign/lead/" + lead.id()).body();
        assertThat(form).contains("分配“上海云帆网络”", "现负责人：王小明");
        HttpResponse<String> nobody = boss.post("/assign/lead/" + lead.id(), Map.of("ownerId", "999999"));
        assertThat(nobody.statusCode()).isEqualTo(422);
        HttpResponse<String> assigned = boss.post("/assign/lead/" + lead.id(), Map.of("ownerId", String.valueOf(li)));
        assertThat(assigned.statusCode()).isEqualTo(302);
        assertThat(assigned.headers().firstValue("Location").orElseThrow()).endsWith("/o/lead/" + lead.id());

        assertThat(records.read(li, "lead", lead.id()).ownerId()).isEqualTo(li);
        assertThat(notices.of(li)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("LEAD_ASSIGNED");
            assertThat(n.args()).containsExactly("上海云帆网络", "张经理");
        });
        // A product has no such button or page.
        assertThat(boss.get("/assign/product/" + lead.id()).statusCode()).isEqualTo(404);
        assertThat(List.of(notices.of(wang), notices.of(manager))).allSatisfy(l -> assertThat(l).isEmpty());
    }
}
