package io.haina.crm.platform.customize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.metadata.CustomFieldKind;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.records.FieldPermissions;
import io.haina.crm.platform.records.FieldPermissions.Restriction;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.Scene;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Administrators change products while the app runs; field permissions hold on every path. */
@HainaIntegrationTest
class CustomizationIntegrationTest {

    @Autowired
    ObjectCustomization customization;
    @Autowired
    FieldPermissions fieldPermissions;
    @Autowired
    RecordService records;
    @Autowired
    RecordFinder finder;
    @Autowired
    ObjectRegistry objects;
    @Autowired
    TestOrg org;
    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();
    long admin;
    long rep;
    long repRole;
    long buyerRole;

    @BeforeEach
    void company() {
        admin = org.admin();
        repRole = org.role("销售代表").grant("product", ScopeLevel.ALL, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.EXPORT).create();
        buyerRole = org.role("采购").grant("product", ScopeLevel.ALL, ObjectAction.VIEW).create();
        rep = org.user("wang", "王小明", null, null, repRole);
    }

    @Test
    void aCustomFieldWorksEverywhereAtOnceAndKeepsItsDataWhenDeactivated() {
        String region = customization.addCustomField(admin, "product", "销售区域", "Sales region", CustomFieldKind.TEXT, List.of());
        String tier = customization.addCustomField(admin, "product", "产品等级", "Tier", CustomFieldKind.PICKLIST,
                List.of("旗舰", "标准", ""));
        assertThat(region).isEqualTo("cf_sales_region");
        assertThat(tier).isEqualTo("cf_tier");

        RecordData created = records.create(rep, "product", Map.of("name", "海纳服务器 X1", region, "华东", tier, "opt_1"));
        records.create(rep, "product", Map.of("name", "海纳打印机", region, "华北", tier, "opt_2"));
        assertThat(created.get(region)).isEqualTo("华东");
        assertThat(names(rep, region + " eq 华东 and " + tier + " in (opt_1)")).containsExactly("海纳服务器 X1");
        assertThatThrownBy(() -> records.create(rep, "product", Map.of("name", "x", tier, "opt_9")))
                .isInstanceOf(InvalidInputException.class);

        WebClient client = new WebClient(port).language("en");
        String token = token(client, "wang");
        JsonNode metadata = json.readTree(client.json("GET", "/api/v1/metadata/product", null, token).body());
        assertThat(metadata.get("fields").valueStream().map(f -> f.get("label").asString()).toList())
                .contains("Sales region", "Tier");
        JsonNode read = json.readTree(client.json("GET", "/api/v1/objects/product/" + created.id(), null, token).body());
        assertThat(read.get(region).asString()).isEqualTo("华东");
        client.login("wang", TestOrg.PASSWORD);
        assertThat(client.get("/o/product?cols=name," + region).body()).contains("Sales region", "华东");
        assertThat(client.get("/o/product/new").body()).contains("name=\"" + region + "\"", "旗舰");

        customization.setActive(admin, "product", region, false);
        assertThat(records.read(rep, "product", created.id()).values()).doesNotContainKey(region);
        assertThat(json.readTree(client.json("GET", "/api/v1/objects/product/" + created.id(), null, token).body()).has(region)).isFalse();
        customization.setActive(admin, "product", region, true);
        assertThat(records.read(rep, "product", created.id()).get(region)).isEqualTo("华东");
    }

    @Test
    void aNewCustomFieldIsMappedOnImportAndWrittenOnExport() throws InterruptedException {
        customization.addCustomField(admin, "product", "销售区域", "Sales region", CustomFieldKind.TEXT, List.of());
        WebClient client = new WebClient(port).language("zh-CN");
        String token = token(client, TestOrg.ADMIN);
        byte[] file = "产品名称,销售区域\r\n海纳服务器 X1,华南\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> started = client.upload("/api/v1/objects/product/imports", Map.of("duplicatePolicy", "create"),
                "products.csv", file, token);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode status;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        do {
            Thread.sleep(50);
            status = json.readTree(client.json("GET", location, null, token).body());
        } while (!status.get("status").asString().equals("DONE") && System.nanoTime() < deadline);

        assertThat(status.get("mapping").get("销售区域").asString()).isEqualTo("cf_sales_region");
        assertThat(status.get("created").asInt()).as(status.toString()).isEqualTo(1);
        assertThat(names(admin, "cf_sales_region eq 华南")).containsExactly("海纳服务器 X1");
        String exported = new String(client.download("/api/v1/objects/product/export?format=csv", token).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exported.lines().findFirst().orElseThrow()).contains("销售区域");
        assertThat(exported).contains("华南");
    }

    @Test
    void onlyAdministratorsCustomizeAndBadInputIsRefusedWithoutAColumn() {
        assertThatThrownBy(() -> customization.addCustomField(rep, "product", "区域", "Region", CustomFieldKind.TEXT, List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> customization.addCustomField(admin, "product", "产品名称", "Whatever", CustomFieldKind.TEXT, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey).contains("customize.error.label-taken"));
        assertThatThrownBy(() -> customization.addCustomField(admin, "product", "等级", "Grade", CustomFieldKind.PICKLIST, List.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(objects.find("product").orElseThrow().fields()).noneMatch(f -> f.isCustom());

        WebClient client = new WebClient(port).language("zh-CN");
        client.login("wang", TestOrg.PASSWORD);
        assertThat(client.get("/admin/objects/product").statusCode()).isEqualTo(403);
    }

    @Test
    void labelsRequiredHiddenAndOrderChangeWithoutARestart() {
        customization.relabel(admin, "product", "unit", "计量单位", "Unit of measure");
        customization.setRequired(admin, "product", "unit", true);
        customization.setHidden(admin, "product", "description", true);
        customization.move(admin, "product", "unit", -1);

        var product = objects.find("product").orElseThrow();
        assertThat(product.field("unit").orElseThrow().required()).isTrue();
        assertThat(product.field("description")).isEmpty();
        List<String> order = product.fields().stream().map(f -> f.name()).toList();
        assertThat(order.indexOf("unit")).isEqualTo(order.indexOf("category") - 1);
        assertThatThrownBy(() -> records.create(rep, "product", Map.of("name", "没有单位"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> customization.setRequired(admin, "product", "name", false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> customization.setHidden(admin, "product", "name", true)).isInstanceOf(InvalidInputException.class);

        WebClient client = new WebClient(port).language("en");
        client.login("wang", TestOrg.PASSWORD);
        assertThat(client.get("/o/product/new").body()).contains("Unit of measure").doesNotContain("name=\"description\"");
    }

    @Test
    void hiddenReadOnlyAndMaskedFieldsHoldOnEveryPath() {
        String email = customization.addCustomField(admin, "product", "供应商邮箱", "Supplier e-mail", CustomFieldKind.EMAIL, List.of());
        RecordData product = records.create(admin, "product", Map.of("name", "海纳服务器 X1", "cost", "8000", "unit", "台",
                email, "wang.supplier@example.com"));
        records.update(admin, "product", product.id(), product.version(), Map.of("cost", "9000"));
        fieldPermissions.replaceRules(admin, repRole, objects.find("product").orElseThrow(),
                Map.of("cost", Restriction.HIDDEN, "unit", Restriction.READ_ONLY, email, Restriction.MASKED));

        RecordData seen = records.read(rep, "product", product.id());
        assertThat(seen.values()).doesNotContainKey("cost");
        assertThat(seen.get(email)).isEqualTo("w***@example.com");
        assertThat(records.history(rep, "product", product.id())).allSatisfy(entry ->
                assertThat(entry.changes()).noneMatch(c -> c.field().equals("cost")));
        assertThatThrownBy(() -> names(rep, "cost gt 100")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> names(rep, email + " contains wang")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> finder.list(rep, "product", new RecordListRequest(null, null, Scene.ALL, "-cost", null, 5)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(finder.list(rep, "product", new RecordListRequest("wang.supplier", null, Scene.ALL, null, null, 5)).items())
                .as("a masked e-mail is not searchable").isEmpty();

        int version = records.read(rep, "product", product.id()).version();
        assertThatThrownBy(() -> records.update(rep, "product", product.id(), version, Map.of("unit", "套")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey).containsExactly("record.error.read-only"));
        RecordData renamed = records.update(rep, "product", product.id(), version,
                Map.of("name", "海纳服务器 X1 Pro", "unit", "台", email, "w***@example.com"));
        assertThat(renamed.get("name")).isEqualTo("海纳服务器 X1 Pro");
        assertThat(records.read(admin, "product", product.id()).get(email)).isEqualTo("wang.supplier@example.com");

        WebClient client = new WebClient(port).language("zh-CN");
        String token = token(client, "wang");
        String body = client.json("GET", "/api/v1/objects/product/" + product.id(), null, token).body();
        assertThat(body).doesNotContain("\"cost\"").doesNotContain("wang.supplier").contains("w***@example.com");
        HttpResponse<String> metadata = client.json("GET", "/api/v1/metadata/product", null, token);
        assertThat(metadata.body()).doesNotContain("\"cost\"").contains("\"readOnly\"", "\"masked\"");
        client.login("wang", TestOrg.PASSWORD);
        assertThat(client.get("/o/product/" + product.id()).body()).doesNotContain("9,000").doesNotContain("wang.supplier");
        String exported = new String(client.download("/o/product/export?format=csv", null).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exported).contains("海纳服务器 X1 Pro", "w***@example.com").doesNotContain("成本")
                .doesNotContain("9000").doesNotContain("wang.supplier");

        long both = org.user("zhao", "赵采购", null, null, repRole, buyerRole);
        assertThat(records.read(both, "product", product.id()).get("cost")).as("the buyer role leaves cost open")
                .isNotNull();
    }

    private List<Object> names(long actor, String filter) {
        return finder.list(actor, "product", new RecordListRequest(null, filter, Scene.ALL, null, null, 50)).items()
                .stream().map(r -> r.get("name")).toList();
    }

    private String token(WebClient client, String username) {
        return json.readTree(client.json("POST", "/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + TestOrg.PASSWORD + "\"}", null).body()).get("token").asString();
    }
}
