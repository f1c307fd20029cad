package io.haina.crm.platform.security.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.WebClient;

@HainaIntegrationTest
class SetupIntegrationTest {

    static final String GOOD = "Tide-Harbor-Lantern-42";

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    SetupService setup;
    @Autowired
    SetupState state;
    @Autowired
    MessageSource messages;

    @Test
    void beforeSetupEveryPageLeadsToTheSetupPage() {
        WebClient browser = new WebClient(port);

        for (String path : new String[] {"/", "/login", "/org/users", "/nowhere"}) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/setup");
        }
        assertThat(browser.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(browser.get("/setup").body()).contains("公司名称");
    }

    @Test
    void aCommonPasswordIsRefusedAtTheFieldAndNothingIsCreated() {
        WebClient browser = new WebClient(port).language("en");
        browser.get("/setup");

        HttpResponse<String> refused = browser.post("/setup", form("password1234"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("This password is too common").doesNotContain("password1234");
        assertThat(db.fetchCount(db.selectFrom("app_user"))).isZero();
        assertThat(db.fetchCount(db.selectFrom("company"))).isZero();
    }

    @Test
    void setupCreatesTheCompanyItsTopDepartmentAndTheAdministratorThenCloses() {
        WebClient browser = new WebClient(port);
        browser.get("/setup");

        HttpResponse<String> done = browser.post("/setup", form(GOOD));

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/login?setup");
        assertThat(db.fetchValue("select name from company")).isEqualTo("北京海纳科技有限公司");
        assertThat(db.fetchValue("select d.name from app_user u join department d on d.id = u.department_id where u.username = 'boss'"))
                .isEqualTo("北京海纳科技有限公司");
        assertThat(db.fetchValue("select password_hash from app_user").toString()).startsWith("{argon2}").doesNotContain(GOOD);
        assertThat(db.fetchValue("select r.administrator from role r join user_role ur on ur.role_id = r.id")).isEqualTo(true);

        HttpResponse<String> again = new WebClient(port).get("/setup");
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        WebClient intruder = new WebClient(port);
        intruder.get("/login");
        intruder.post("/setup", Map.of("companyName", "x", "username", "intruder", "displayName", "x",
                "email", "x@example.com", "password", GOOD, "passwordConfirmation", GOOD));
        assertThat(db.fetchCount(db.selectFrom("app_user"))).isEqualTo(1);
    }

    @Test
    void unattendedInstallsCreateTheAdministratorFromTheEnvironment() {
        new BootstrapAdministrator(setup, state, messages, "ops", GOOD, "", "", "").afterSingletonsInstantiated();

        assertThat(db.fetchValue("select username from app_user")).isEqualTo("ops");
        assertThat(db.fetchValue("select name from company")).isEqualTo("Haina CRM");
        assertThat(state.isComplete()).isTrue();
    }

    @Test
    void anUnattendedInstallWithAWeakPasswordStopsWithTheReasonAndCreatesNothing() {
        var bootstrap = new BootstrapAdministrator(setup, state, messages, "ops", "changeme1234", "", "", "");

        assertThatThrownBy(bootstrap::afterSingletonsInstantiated).hasMessageContaining("too common");
        assertThat(db.fetchCount(db.selectFrom("app_user"))).isZero();
    }

    private static Map<String, String> form(String password) {
        return Map.of("companyName", "北京海纳科技有限公司", "username", "boss", "displayName", "王总",
                "email", "boss@example.com", "password", password, "passwordConfirmation", password);
    }
}
