package io.haina.crm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recycle bin: administrators page through every deleted record, newest first, and restore
 * one (back in its lists, for its owner too); a restore that would repeat a unique value is
 * refused with a message naming the field; nobody else reaches the bin, by page or by API.
 */
@HainaIntegrationTest
class RecycleBinIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    RecordFinder finder;
    @Autowired
    MutableClock clock;

    final JsonMapper json = JsonMapper.builder().build();
    long adminId;
    long repId;

    @BeforeEach
    void company() {
        adminId = org.admin();
        long role = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.DELETE).create();
        repId = org.user("wang", "王小明", null, null, role);
    }

    @Test
    void administratorsPageThroughDeletedRecordsNewestFirstWithoutGapsOrRepeats() {
        List<Long> deletedOrder = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            long id = product(repId, "产品 " + i, "P-" + i);
            records.delete(repId, "product", id);
            deletedOrder.addFirst(id);
            if (i % 3 == 0) {
                clock.advance(Duration.ofMinutes(1)); // several deleted at the same moment: the id breaks the tie
            }
        }
        product(repId, "还在的产品", "LIVE-1");

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RecycleBinPage page = finder.deleted(adminId, null, cursor, 10);
            page.items().forEach(item -> seen.add(item.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).as("every deleted product once, most recently deleted first").isEqualTo(deletedOrder);
        DeletedRecord newest = finder.deleted(adminId, "product", null, 1).items().getFirst();
        assertThat(newest.object()).isEqualTo("product");
        assertThat(newest.name()).isEqualTo("产品 25");
        assertThat(newest.deletedBy()).isEqualTo(repId);
        assertThat(newest.deletedAt()).isNotNull();
        assertThatThrownBy(() -> finder.deleted(adminId, "no_such_object", null, 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> finder.deleted(adminId, null, "not-a-cursor", 10)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nobodyButAnAdministratorReachesTheBin() {
        long id = product(repId, "王的产品", "W-1");
        records.delete(repId, "product", id);
        WebClient browser = new WebClient(port);
        browser.login("wang", TestOrg.PASSWORD);
        String token = token("wang");

        assertThatThrownBy(() -> finder.deleted(repId, null, null, 10)).isInstanceOf(AccessDeniedException.class);
        assertThat(browser.get("/admin/recycle-bin").statusCode()).isEqualTo(403);
        assertThat(browser.get("/").body()).doesNotContain("/admin/recycle-bin");
        browser.get("/o/product");
        assertThat(browser.post("/admin/recycle-bin/product/" + id + "/restore", Map.of()).statusCode()).isEqualTo(403);
        assertThat(client().json("GET", "/api/v1/recycle-bin", null, token).statusCode()).isEqualTo(403);
        assertThat(client().json("POST", "/api/v1/objects/product/" + id + "/restore", null, token).statusCode()).isEqualTo(403);
        assertThat(client().json("GET", "/api/v1/recycle-bin", null, null).statusCode()).isEqualTo(401);
        assertThat(finder.deleted(adminId, null, null, 10).items()).as("still in the bin").extracting(DeletedRecord::id)
                .containsExactly(id);
    }

    @Test
    void anAdministratorRestoresARecordAndItIsBackInItsOwnersList() {
        long id = product(repId, "海纳服务器", "SRV-1");
        records.delete(repId, "product", id);
        assertThat(finder.list(repId, "product", RecordListRequest.firstPage()).total()).isZero();
        WebClient admin = new WebClient(port);
        admin.login(TestOrg.ADMIN, TestOrg.PASSWORD);

        String bin = admin.get("/admin/recycle-bin").body();
        assertThat(bin).contains("海纳服务器", "王小明", "data-id=\"" + id + "\"");
        HttpResponse<String> restored = admin.post("/admin/recycle-bin/product/" + id + "/restore", Map.of("name", "海纳服务器"));

        assertThat(restored.statusCode()).isEqualTo(302);
        assertThat(admin.open("/admin/recycle-bin").body()).contains("已恢复").contains("id=\"recycle-empty\"");
        assertThat(finder.list(repId, "product", RecordListRequest.firstPage()).items()).extracting(RecordData::id)
                .containsExactly(id);
        assertThat(records.history(repId, "product", id).getFirst().action()).isEqualTo("RESTORED");
    }

    @Test
    void aRestoreThatWouldRepeatAUniqueCodeIsRefusedWithAMessageNamingIt() {
        long old = product(repId, "旧服务器", "SRV-1");
        records.delete(repId, "product", old);
        product(repId, "新服务器", "srv-1");
        WebClient admin = new WebClient(port);
        admin.login(TestOrg.ADMIN, TestOrg.PASSWORD);
        admin.get("/admin/recycle-bin");

        admin.post("/admin/recycle-bin/product/" + old + "/restore", Map.of("name", "旧服务器", "filter", "product"));

        String page = admin.open("/admin/recycle-bin?object=product").body();
        assertThat(page).contains("id=\"restore-error\"", "无法恢复“旧服务器”：它的产品编码已被另一条记录使用。");
        assertThat(page).contains("data-id=\"" + old + "\"");

        HttpResponse<String> api = client().json("POST", "/api/v1/objects/product/" + old + "/restore", null, token(TestOrg.ADMIN));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(json.readTree(api.body()).get("errors").get(0).get("field").asString()).isEqualTo("code");
    }

    @Test
    void theApiListsTheBinAndRestoresForAdministrators() {
        long id = product(repId, "Rack Kit", "RK-1");
        records.delete(repId, "product", id);
        String token = token(TestOrg.ADMIN);

        JsonNode bin = json.readTree(client().json("GET", "/api/v1/recycle-bin?object=product", null, token).body());
        assertThat(bin.get("items")).hasSize(1);
        JsonNode item = bin.get("items").get(0);
        assertThat(item.get("object").asString()).isEqualTo("product");
        assertThat(item.get("id").asLong()).isEqualTo(id);
        assertThat(item.get("name").asString()).isEqualTo("Rack Kit");
        assertThat(item.get("deletedByName").asString()).isEqualTo("王小明");
        assertThat(bin.get("nextCursor").isNull()).isTrue();

        HttpResponse<String> restored = client().json("POST", "/api/v1/objects/product/" + id + "/restore", null, token);
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(json.readTree(restored.body()).get("name").asString()).isEqualTo("Rack Kit");
        assertThat(json.readTree(client().json("GET", "/api/v1/recycle-bin", null, token).body()).get("items")).isEmpty();
        assertThat(client().json("POST", "/api/v1/objects/product/" + id + "/restore", null, token).statusCode())
                .as("no longer in the bin").isEqualTo(404);
    }

    private long product(long owner, String name, String code) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("code", code);
        return records.create(owner, "product", input).id();
    }

    private WebClient client() {
        return new WebClient(port).language("zh-CN");
    }

    private String token(String username) {
        return new WebClient(port).apiToken(username, TestOrg.PASSWORD);
    }
}
