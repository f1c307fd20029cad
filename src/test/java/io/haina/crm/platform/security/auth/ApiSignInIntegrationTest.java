package io.haina.crm.platform.security.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HainaIntegrationTest
class ApiSignInIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    MutableClock clock;
    @Autowired
    DSLContext db;

    final JsonMapper json = JsonMapper.builder().build();
    WebClient client;

    @BeforeEach
    void setUp() {
        org.admin();
        client = new WebClient(port).language("en");
    }

    @Test
    void aTokenFromLoginOpensMeWithTheAdministratorsRolesAndLocale() {
        String token = login("admin", TestOrg.PASSWORD);

        HttpResponse<String> me = client.json("GET", "/api/v1/me", null, token);

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(me.body());
        assertThat(body.get("username").asString()).isEqualTo("admin");
        assertThat(body.get("displayName").asString()).isEqualTo("管理员");
        assertThat(body.get("roles").get(0).get("administrator").asBoolean()).isTrue();
        assertThat(body.get("roles").get(0).get("name").asString()).as("set up in Chinese, read in English")
                .isEqualTo("Administrator");
        assertThat(body.get("locale").asString()).as("the language the request was answered in").isEqualTo("en");
        assertThat(body.get("department").get("name").asString()).isEqualTo("海纳测试");
    }

    @Test
    void theStoredTokenIsAHashNotTheToken() {
        String token = login("admin", TestOrg.PASSWORD);

        var stored = db.fetchOne("select token_hash, token_hint from api_token");

        assertThat(stored.get(0, byte[].class)).hasSize(32).isNotEqualTo(token.getBytes());
        assertThat(token).startsWith(stored.get(1, String.class));
        assertThat(db.fetchCount(db.selectFrom("api_token").where("token_hint = ?", token))).isZero();
    }

    @Test
    void aWrongPasswordIsA401ProblemInTheCallersLanguage() {
        HttpResponse<String> response = client.json("POST", "/api/v1/auth/login",
                "{\"username\":\"admin\",\"password\":\"not-the-password\"}", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asString()).isEqualTo("Wrong username or password.");
    }

    @Test
    void theSixthTryWithinFifteenMinutesIsRefusedEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            client.json("POST", "/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"wrong-" + i + "\"}", null);
        }

        HttpResponse<String> sixth = client.json("POST", "/api/v1/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + TestOrg.PASSWORD + "\"}", null);

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(sixth.body()).get("detail").asString()).contains("locked for 15 minutes");
        assertThat(sixth.body()).doesNotContain("token");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login("admin", TestOrg.PASSWORD)).startsWith("hn_");
    }

    @Test
    void aLockIsPerUsernameAndAlsoCoversUnknownUsernames() {
        for (int i = 0; i < 5; i++) {
            client.json("POST", "/api/v1/auth/login", "{\"username\":\"ghost\",\"password\":\"wrong\"}", null);
        }

        assertThat(client.json("POST", "/api/v1/auth/login", "{\"username\":\"ghost\",\"password\":\"wrong\"}", null)
                .statusCode()).isEqualTo(429);
        assertThat(login("admin", TestOrg.PASSWORD)).startsWith("hn_");
    }

    @Test
    void everyAttemptIsInTheLoginLog() {
        client.json("POST", "/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"wrong\"}", null);
        login("admin", TestOrg.PASSWORD);

        var rows = db.fetch("select success, failure_reason, channel, ip from login_log order by id");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(0, Boolean.class)).isFalse();
        assertThat(rows.get(0).get(1, String.class)).isEqualTo("BAD_CREDENTIALS");
        assertThat(rows.get(1).get(0, Boolean.class)).isTrue();
        assertThat(rows.get(1).get(2, String.class)).isEqualTo("API");
        assertThat(rows.get(1).get(3, String.class)).isNotBlank();
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String token = login("admin", TestOrg.PASSWORD);

        assertThat(client.json("POST", "/api/v1/auth/logout", null, token).statusCode()).isEqualTo(204);

        HttpResponse<String> after = client.json("GET", "/api/v1/me", null, token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(json.readTree(after.body()).get("detail").asString()).contains("invalid, expired or revoked");
    }

    @Test
    void aTokenExpires() {
        String token = login("admin", TestOrg.PASSWORD);

        clock.advance(Duration.ofDays(31));

        assertThat(client.json("GET", "/api/v1/me", null, token).statusCode()).isEqualTo(401);
    }

    @Test
    void aUserRevokesOneOfTheirTokensButCannotTouchAnothersToken() {
        long repId = org.user("rep", "销售小王", null, null);
        String adminToken = login("admin", TestOrg.PASSWORD);
        String repToken = login("rep", TestOrg.PASSWORD);
        long adminTokenId = json.readTree(client.json("GET", "/api/v1/me/tokens", null, adminToken).body()).get(0).get("id").asLong();

        HttpResponse<String> foreign = client.json("DELETE", "/api/v1/me/tokens/" + adminTokenId, null, repToken);

        assertThat(repId).isPositive();
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(client.json("GET", "/api/v1/me", null, adminToken).statusCode()).isEqualTo(200);
        assertThat(client.json("DELETE", "/api/v1/me/tokens/" + adminTokenId, null, adminToken).statusCode()).isEqualTo(204);
        assertThat(client.json("GET", "/api/v1/me", null, adminToken).statusCode()).isEqualTo(401);
    }

    @Test
    void requestsWithoutATokenGetA401ProblemAndMalformedJsonA400() {
        HttpResponse<String> anonymous = client.json("GET", "/api/v1/me", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json.readTree(anonymous.body()).get("title").asString()).isEqualTo("Sign-in required");

        HttpResponse<String> malformed = client.json("POST", "/api/v1/auth/login", "{\"username\":", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void missingFieldsAreNamedInTheProblem() {
        HttpResponse<String> response = client.json("POST", "/api/v1/auth/login", "{\"username\":\"admin\"}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("password");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("Required.");
    }

    private String login(String username, String password) {
        HttpResponse<String> response = client.json("POST", "/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("token").asString();
    }
}
