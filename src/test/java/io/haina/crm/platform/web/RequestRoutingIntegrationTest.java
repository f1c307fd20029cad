package io.haina.crm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * Requests still reach the handler Spring MVC's own matching would choose, with the literal-prefix
 * shortcut of {@link PrefixFirstHandlerMapping} in front: paths with variables, a wrong method (405
 * needs every mapping of the path), an unknown path, an encoded path (the shortcut stays off).
 */
@HainaIntegrationTest
class RequestRoutingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;

    @Test
    void pathsWithVariablesMethodsAndUnknownPathsAreAnsweredAsBefore() {
        org.admin();
        long role = org.role("产品经理").grant("product", ScopeLevel.ALL, ObjectAction.VIEW, ObjectAction.CREATE).create();
        org.user("zhou", "周产品", null, null, role);
        WebClient client = new WebClient(port).language("en");
        String token = client.apiToken("zhou", TestOrg.PASSWORD);
        HttpResponse<String> created = client.json("POST", "/api/v1/objects/product",
                "{\"name\":\"路由测试\",\"code\":\"ROUTE-1\"}", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");

        HttpResponse<String> read = client.json("GET", "/api/v1/objects/product/" + id, null, token);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("路由测试");
        assertThat(client.json("GET", "/api/v1/objects/product/count", null, token).body()).contains("\"total\":1");
        // Spring's own matching, for a path the shortcut leaves to it.
        HttpResponse<String> encoded = client.json("GET", "/api/v1/objects/%70roduct/" + id, null, token);
        assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(200);
        assertThat(encoded.body()).contains("路由测试");

        HttpResponse<String> wrongMethod = client.json("PUT", "/api/v1/objects/product", "{}", token);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        HttpResponse<String> unknown = client.json("GET", "/api/v1/nothing-here/" + id, null, token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"status\":404");

        client.login("zhou", TestOrg.PASSWORD);
        HttpResponse<String> page = client.get("/o/product/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("路由测试").contains("ROUTE-1");
        HttpResponse<String> list = client.get("/o/product");
        assertThat(list.statusCode()).isEqualTo(200);
        // The list is assembled from five templates; none of their comments may reach the page.
        assertThat(list.body()).contains("路由测试").doesNotContain("--%>").doesNotContain("<%--").doesNotContain("*@");
    }
}
