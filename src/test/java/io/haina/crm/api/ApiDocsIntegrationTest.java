package io.haina.crm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description is public and covers the REST API only: every operation asks for the
 * bearer token but the sign-in that hands it out, and the pages are not in it.
 */
@HainaIntegrationTest
class ApiDocsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;

    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void company() {
        org.admin(); // before setup every page leads to the setup page
    }

    @Test
    void describesTheApiWithTheBearerTokenSchemeWithoutSigningIn() {
        HttpResponse<String> response = new WebClient(port).get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode docs = json.readTree(response.body());

        assertThat(docs.get("info").get("title").asString()).isEqualTo("Haina CRM API");
        JsonNode scheme = docs.get("components").get("securitySchemes").get(ApiDocumentation.BEARER);
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.get("security").get(0).has(ApiDocumentation.BEARER)).isTrue();

        JsonNode paths = docs.get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/objects/{object}", "/api/v1/objects/{object}/{id}",
                "/api/v1/metadata/{object}", "/api/v1/search", "/api/v1/recycle-bin",
                "/api/v1/objects/{object}/{id}/restore", "/api/v1/auth/login");
        assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(paths.get("/api/v1/auth/login").get("post").get("security")).as("sign-in needs no token").isEmpty();
        JsonNode searchResponses = paths.get("/api/v1/search").get("get").get("responses");
        assertThat(searchResponses.propertyNames()).contains("200", "401", "403");
        assertThat(searchResponses.get("401").get("content").has("application/problem+json")).isTrue();
        assertThat(paths.get("/api/v1/auth/login").get("post").get("responses").has("403")).isFalse();
        JsonNode searchParameters = paths.get("/api/v1/search").get("get").get("parameters");
        assertThat(searchParameters.findValuesAsString("name")).as("the language is not a parameter").containsExactly("q", "limit");
    }

    @Test
    void theSwaggerUiIsServedWithoutSigningIn() {
        HttpResponse<String> page = new WebClient(port).open("/swagger-ui.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'"));
    }
}
