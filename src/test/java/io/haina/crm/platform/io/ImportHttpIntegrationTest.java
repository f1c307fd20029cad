package io.haina.crm.platform.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Imports over HTTP: the upload form's messages, the size limit, and the API. */
@HainaIntegrationTest
class ImportHttpIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    DSLContext db;

    final JsonMapper json = JsonMapper.builder().build();
    WebClient rep;

    @BeforeEach
    void company() {
        org.admin();
        long role = org.role("产品专员").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.IMPORT).create();
        org.user("wang", "王小明", null, null, role);
        rep = new WebClient(port);
        rep.login("wang", TestOrg.PASSWORD);
    }

    @Test
    void aBrokenFileComesBackToTheUploadFormWithTheReasonInTheUsersLanguage() {
        rep.get("/o/product/imports/new");
        HttpResponse<String> zh = rep.upload("/o/product/imports", Map.of(), "坏文件.xlsx",
                "这不是 Excel".getBytes(StandardCharsets.UTF_8), null);
        assertThat(zh.statusCode()).isEqualTo(422);
        assertThat(zh.body()).contains("无法读取这个 Excel 文件");

        rep.language("en").get("/o/product/imports/new");
        HttpResponse<String> en = rep.upload("/o/product/imports", Map.of(), "empty.csv", new byte[0], null);
        assertThat(en.statusCode()).isEqualTo(422);
        assertThat(en.body()).contains("The file is empty.");
        assertThat(db.fetchCount(db.selectFrom("import_job"))).isZero();
    }

    @Test
    void aFileOverTheUploadLimitGetsAClearMessageNotAStackTrace() {
        rep.get("/o/product/imports/new");
        byte[] big = new byte[21 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');

        HttpResponse<String> page = rep.upload("/o/product/imports", Map.of(), "big.csv", big, null);

        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("文件超过 20 MB").doesNotContain("Exception");
        HttpResponse<String> api = rep.upload("/api/v1/objects/product/imports", Map.of(), "big.csv", big, token());
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(json.readTree(api.body()).get("detail").asString()).contains("20 MB");
    }

    @Test
    void theApiStartsADryRunAndReportsItsProgressAndBadRows() throws InterruptedException {
        String token = token();
        byte[] file = "Product name,List price\r\nServer,12999\r\nPrinter,ten\r\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> started = rep.upload("/api/v1/objects/product/imports",
                Map.of("dryRun", "true", "duplicatePolicy", "create"), "p.csv", file, token);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode status = poll(location, token);
        assertThat(status.get("status").asString()).isEqualTo("CHECKED");
        assertThat(status.get("created").asInt()).isEqualTo(1);
        assertThat(status.get("failed").asInt()).isEqualTo(1);
        assertThat(status.get("mapping").get("List price").asString()).isEqualTo("list_price");
        assertThat(status.get("problems").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(status.get("problems").get(0).get("message").asString()).isEqualTo("标准价格：请输入数字。");
        assertThat(db.fetchCount(db.selectFrom("product"))).isZero();

        HttpResponse<String> refused = rep.upload("/api/v1/objects/product/imports",
                Map.of("mapping", "{\"List price\": \"secret_field\"}"), "p.csv", file, token);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("secret_field");
    }

    private JsonNode poll(String location, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode status;
        do {
            Thread.sleep(50);
            status = json.readTree(rep.json("GET", location, null, token).body());
        } while (status.get("status").asString().endsWith("ING") && System.nanoTime() < deadline);
        return status;
    }

    private String token() {
        HttpResponse<String> response = new WebClient(port).json("POST", "/api/v1/auth/login",
                "{\"username\":\"wang\",\"password\":\"" + TestOrg.PASSWORD + "\"}", null);
        return json.readTree(response.body()).get("token").asString();
    }
}
