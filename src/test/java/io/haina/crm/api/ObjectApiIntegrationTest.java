package io.haina.crm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

/** Products through the REST API: the record engine's rules seen from a client. */
@HainaIntegrationTest
class ObjectApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;

    final JsonMapper json = JsonMapper.builder().build();
    WebClient client;
    String rep;
    String otherRep;
    String visitor;

    @BeforeEach
    void company() {
        org.admin();
        long repRole = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.DELETE).create();
        long visitorRole = org.role("访客").grant("user", ScopeLevel.SELF, ObjectAction.VIEW).create();
        org.user("wang", "王小明", null, null, repRole);
        org.user("li", "李娜", null, null, repRole);
        org.user("guest", "访客", null, null, visitorRole);
        client = new WebClient(port).language("en");
        rep = token("wang");
        otherRep = token("li");
        visitor = token("guest");
    }

    @Test
    void aProductIsCreatedReadChangedAndDeleted() {
        HttpResponse<String> created = client.json("POST", "/api/v1/objects/product",
                "{\"name\":\"海纳服务器 X1\",\"code\":\"SRV-X1\",\"category\":\"hardware\",\"list_price\":12999.5,\"active\":true}", rep);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode product = json.readTree(created.body());
        long id = product.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/objects/product/" + id);
        assertThat(product.get("list_price").decimalValue()).isEqualByComparingTo("12999.50");

        HttpResponse<String> changed = client.json("PATCH", "/api/v1/objects/product/" + id,
                "{\"version\":0,\"unit\":\"台\"}", rep);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("version").asInt()).isEqualTo(1);
        assertThat(json.readTree(client.json("GET", "/api/v1/objects/product/" + id, null, rep).body()).get("unit").asString())
                .isEqualTo("台");

        assertThat(client.json("DELETE", "/api/v1/objects/product/" + id, null, rep).statusCode()).isEqualTo(204);
        assertThat(client.json("GET", "/api/v1/objects/product/" + id, null, rep).statusCode()).isEqualTo(404);
    }

    @Test
    void badFieldsAreNamedInTheProblemInTheCallersLanguage() {
        HttpResponse<String> response = client.json("POST", "/api/v1/objects/product",
                "{\"list_price\":\"ten\",\"category\":\"food\"}", rep);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        Set<String> messages = new HashSet<>();
        errors.forEach(e -> messages.add(e.get("field").asString() + ": " + e.get("message").asString()));
        assertThat(messages).contains("name: Required.", "list_price: Enter a number.",
                "category: \"food\" is not one of the choices.");
    }

    @Test
    void aStaleChangeIsA409ThatSaysWhatChanged() {
        long id = json.readTree(client.json("POST", "/api/v1/objects/product", "{\"name\":\"标准版\",\"unit\":\"套\"}", rep)
                .body()).get("id").asLong();
        client.json("PATCH", "/api/v1/objects/product/" + id, "{\"version\":0,\"unit\":\"年\",\"list_price\":\"12345678901234.50\"}", rep);

        HttpResponse<String> stale = client.json("PATCH", "/api/v1/objects/product/" + id, "{\"version\":0,\"unit\":\"月\"}", rep);

        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode problem = json.readTree(stale.body());
        assertThat(problem.get("currentVersion").asInt()).isEqualTo(1);
        assertThat(problem.get("changes").get(0).get("field").asString()).isEqualTo("unit");
        assertThat(problem.get("changes").get(0).get("to").asString()).isEqualTo("年");
        // An amount comes back as it was stored, cents and all: not through a double.
        assertThat(problem.get("changes").get(1).get("field").asString()).isEqualTo("list_price");
        assertThat(problem.get("changes").get(1).get("to").asString()).isEqualTo("12345678901234.50");
        assertThat(client.json("PATCH", "/api/v1/objects/product/" + id, "{\"unit\":\"月\"}", rep).statusCode()).isEqualTo(400);
    }

    @Test
    void listsPageByCursorWithoutGapsOrRepeatsAndSortOnAField() {
        for (int i = 1; i <= 45; i++) {
            client.json("POST", "/api/v1/objects/product",
                    "{\"name\":\"产品 " + i + "\",\"list_price\":" + (i % 7 == 0 ? "null" : String.valueOf(i * 10)) + "}", rep);
        }
        Set<Long> seen = new HashSet<>();
        List<String> goingDown = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json.readTree(client.json("GET", "/api/v1/objects/product?withTotal=true&limit=20&sort=-list_price"
                    + (cursor == null ? "" : "&cursor=" + cursor), null, rep).body());
            assertThat(page.get("total").asLong()).isEqualTo(45);
            page.get("items").forEach(item -> assertThat(seen.add(item.get("id").asLong())).isTrue());
            page.get("items").forEach(item -> goingDown.add(item.get("name").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(45);
        assertThat(pages).isEqualTo(3);
        assertThat(goingDown.getFirst()).as("the dearest first").isEqualTo("产品 45");
        assertThat(goingDown.subList(39, 45)).as("products without a price last, going down too")
                .containsExactly("产品 42", "产品 35", "产品 28", "产品 21", "产品 14", "产品 7");
        JsonNode cheapest = json.readTree(client.json("GET", "/api/v1/objects/product?limit=1&sort=list_price", null, rep).body());
        assertThat(cheapest.get("items").get(0).get("name").asString()).isEqualTo("产品 1");
        Set<Long> ascending = new HashSet<>();
        String next = null;
        do {
            JsonNode page = json.readTree(client.json("GET", "/api/v1/objects/product?limit=10&sort=list_price"
                    + (next == null ? "" : "&cursor=" + next), null, rep).body());
            page.get("items").forEach(item -> assertThat(ascending.add(item.get("id").asLong())).isTrue());
            next = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (next != null);
        assertThat(ascending).as("every product once going up too, the unpriced last").hasSize(45);
        JsonNode search = json.readTree(client.json("GET", "/api/v1/objects/product/count?q=%E4%BA%A7%E5%93%81%204", null, rep).body());
        assertThat(search.get("total").asLong()).as("产品 4, 40..45").isEqualTo(7);
        client.json("POST", "/api/v1/objects/product", "{\"name\":\"Server\",\"code\":\"SRV-X1\"}", rep);
        JsonNode byCode = json.readTree(client.json("GET", "/api/v1/objects/product?withTotal=true&q=srv-x", null, rep).body());
        assertThat(byCode.get("total").asLong()).as("found by its code, whatever the case").isEqualTo(1);
    }

    @Test
    void nobodyReachesWhatTheirRoleOrScopeExcludes() {
        long mine = json.readTree(client.json("POST", "/api/v1/objects/product", "{\"name\":\"王的产品\"}", rep).body())
                .get("id").asLong();

        assertThat(client.json("GET", "/api/v1/objects/product/" + mine, null, otherRep).statusCode()).isEqualTo(404);
        assertThat(client.json("PATCH", "/api/v1/objects/product/" + mine, "{\"version\":0,\"name\":\"x\"}", otherRep)
                .statusCode()).isEqualTo(404);
        assertThat(client.json("DELETE", "/api/v1/objects/product/" + mine, null, otherRep).statusCode()).isEqualTo(404);
        assertThat(json.readTree(client.json("GET", "/api/v1/objects/product", null, otherRep).body()).get("total").asLong())
                .isZero();
        assertThat(client.json("GET", "/api/v1/objects/product", null, visitor).statusCode()).isEqualTo(403);
        assertThat(client.json("GET", "/api/v1/metadata/product", null, visitor).statusCode()).isEqualTo(403);
        assertThat(client.json("GET", "/api/v1/objects/no_such_thing", null, rep).statusCode()).isEqualTo(404);
        assertThat(client.json("GET", "/api/v1/objects/product?cursor=not-a-cursor", null, rep).statusCode()).isEqualTo(400);
        assertThat(client.json("GET", "/api/v1/objects/product?sort=description", null, rep).statusCode()).isEqualTo(400);
    }

    @Test
    void metadataDescribesTheFieldsInTheCallersLanguage() {
        JsonNode described = json.readTree(client.json("GET", "/api/v1/metadata/product", null, rep).body());

        assertThat(described.get("label").asString()).isEqualTo("Product");
        JsonNode category = null;
        for (JsonNode field : described.get("fields")) {
            if (field.get("name").asString().equals("category")) {
                category = field;
            }
        }
        assertThat(category).isNotNull();
        assertThat(category.get("type").asString()).isEqualTo("picklist");
        assertThat(category.get("options").get(0).get("label").asString()).isEqualTo("Hardware");
    }

    private String token(String username) {
        HttpResponse<String> response = client.json("POST", "/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + TestOrg.PASSWORD + "\"}", null);
        return json.readTree(response.body()).get("token").asString();
    }
}
