package io.haina.crm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.security.org.UserAdminService;
import io.haina.crm.platform.security.org.UserDirectory;
import io.haina.crm.platform.security.org.UserForm;
import io.haina.crm.platform.security.org.UserStatus;
import io.haina.crm.platform.security.role.RoleForm;
import io.haina.crm.platform.security.role.RoleService;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * Users with some administrative grants trying to raise their own reach, and attackers racing
 * the lockout — each attempt must fail and leave nothing changed.
 */
@HainaIntegrationTest
class EscalationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RoleService roles;
    @Autowired
    UserAdminService users;
    @Autowired
    UserDirectory directory;
    @Autowired
    DSLContext db;

    long sales;
    long support;
    long roleEditorRole;
    long hrRole;
    long roleEditor;
    long hr;
    long bob;

    @BeforeEach
    void company() {
        org.admin();
        sales = org.department("销售部", null);
        support = org.department("客服部", null);
        roleEditorRole = org.role("角色编辑").grant("role", ScopeLevel.ALL, ObjectAction.VIEW, ObjectAction.EDIT,
                ObjectAction.CREATE, ObjectAction.ASSIGN).grant("user", ScopeLevel.ALL, ObjectAction.VIEW, ObjectAction.EDIT).create();
        hrRole = org.role("人事").grant("user", ScopeLevel.DEPARTMENT, ObjectAction.VIEW, ObjectAction.EDIT,
                ObjectAction.CREATE).create();
        roleEditor = org.user("roleed", "角色编辑员", support, null, roleEditorRole);
        hr = org.user("mallory", "人事小马", sales, null, hrRole);
        bob = org.user("bob", "销售小鲍", sales, null);
    }

    @Test
    void aRoleEditorCannotWidenTheRoleTheyHold() {
        int version = db.fetchOne("select version from role where id = ?", roleEditorRole).get(0, Integer.class);

        assertThatThrownBy(() -> roles.update(roleEditor, roleEditorRole, new RoleForm("角色编辑",
                null, Map.of("user", Set.of(ObjectAction.VIEW, ObjectAction.EDIT)), Map.of("user", ScopeLevel.ALL), version)))
                .isInstanceOf(ConflictException.class).hasMessage("role.error.own-role");
        assertThat(db.fetchOne("select version from role where id = ?", roleEditorRole).get(0, Integer.class)).isEqualTo(version);
    }

    @Test
    void aRoleEditorCannotWriteMoreThanTheyHoldIntoAnotherRoleNorCreateSuchARole() {
        int version = db.fetchOne("select version from role where id = ?", hrRole).get(0, Integer.class);

        assertThatThrownBy(() -> roles.update(roleEditor, hrRole, new RoleForm("人事", null,
                Map.of("user", Set.of(ObjectAction.VIEW, ObjectAction.CREATE)), Map.of("user", ScopeLevel.ALL), version)))
                .isInstanceOf(ConflictException.class).hasMessage("role.error.beyond-own");
        assertThatThrownBy(() -> roles.create(roleEditor, new RoleForm("超级用户", null,
                Map.of("department", Set.of(ObjectAction.DELETE)), Map.of(), null)))
                .isInstanceOf(ConflictException.class).hasMessage("role.error.beyond-own");
        assertThat(db.fetchCount(db.selectFrom("role").where("name = '超级用户'"))).isZero();

        long modest = roles.create(roleEditor, new RoleForm("只看自己", null,
                Map.of("user", Set.of(ObjectAction.VIEW)), Map.of("user", ScopeLevel.SELF), null));
        assertThat(modest).isPositive();
    }

    @Test
    void aRoleEditorCannotHandOutARoleThatGivesMoreThanTheyHold() {
        assertThatThrownBy(() -> users.setRoles(roleEditor, bob, Set.of(hrRole)))
                .isInstanceOf(ConflictException.class).hasMessage("user.error.role-beyond-own");
        assertThat(db.fetchCount(db.selectFrom("user_role").where("user_id = ?", bob))).isZero();
    }

    @Test
    void hrCannotMoveThemselvesIntoAnotherDepartmentToSeeIt() {
        var self = directory.find(hr, hr);

        assertThatThrownBy(() -> users.update(hr, hr, new UserForm(null, "人事小马", null, null, null, support, null, null,
                List.of(), self.version()))).isInstanceOf(ConflictException.class).hasMessage("user.error.own-placement");
        assertThat(directory.list(hr, null, null, null)).extracting(u -> u.username()).containsExactlyInAnyOrder("mallory", "bob");

        users.update(hr, hr, new UserForm(null, "人事 马", null, "13800000000", "人事专员", sales, null, null, List.of(),
                self.version()));
        assertThat(directory.find(hr, hr).position()).isEqualTo("人事专员");
    }

    @Test
    void hrCannotTakeOverAnAccountThatHoldsMoreThanHr() {
        long strongInSales = org.user("strong", "强权限", sales, null, roleEditorRole);

        assertThatThrownBy(() -> users.resetPassword(hr, strongInSales, "Harbor-Owns-You-4242"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.changeStatus(hr, strongInSales, UserStatus.DISABLED))
                .isInstanceOf(AccessDeniedException.class);

        users.resetPassword(hr, bob, "Harbor-New-Lantern-77");
        assertThat(new WebClient(port).login("bob", "Harbor-New-Lantern-77").headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");
    }

    @Test
    void theManagerPickerShowsOnlyUsersInScope() {
        WebClient rep = new WebClient(port);
        rep.login("bob", TestOrg.PASSWORD);
        long viewerRole = org.role("看自己").grant("user", ScopeLevel.SELF, ObjectAction.VIEW).create();
        long erin = org.user("erin", "小艾", sales, null, viewerRole);
        WebClient erinBrowser = new WebClient(port);
        erinBrowser.login("erin", TestOrg.PASSWORD);

        String page = erinBrowser.get("/org/users/" + erin).body();

        assertThat(page).doesNotContain("(admin)").doesNotContain("(mallory)").doesNotContain("(roleed)");
    }

    @Test
    void parallelGuessesGetNoMoreThanFiveTries() throws Exception {
        WebClient client = new WebClient(port).language("en");
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            guesses.add(() -> client.json("POST", "/api/v1/auth/login",
                    "{\"username\":\"bob\",\"password\":\"guess-" + n + "\"}", null).statusCode());
        }
        try (var pool = Executors.newFixedThreadPool(15)) {
            for (var result : pool.invokeAll(guesses)) {
                assertThat(result.get()).isIn(401, 429);
            }
        }

        assertThat(db.fetchCount(db.selectFrom("login_log").where("username = 'bob' and failure_reason = 'BAD_CREDENTIALS'")))
                .isEqualTo(5);
        assertThat(db.fetchCount(db.selectFrom("login_log").where("username = 'bob' and failure_reason = 'LOCKED'")))
                .isEqualTo(25);
    }

    @Test
    void aDisabledAccountIsOnlyRevealedToSomeoneWhoKnowsItsPassword() {
        users.changeStatus(org.adminId(), bob, UserStatus.DISABLED);
        WebClient client = new WebClient(port).language("en");

        HttpResponse<String> wrong = client.json("POST", "/api/v1/auth/login", "{\"username\":\"bob\",\"password\":\"wrong\"}", null);
        assertThat(wrong.body()).contains("Wrong username or password").doesNotContain("disabled");

        HttpResponse<String> right = client.json("POST", "/api/v1/auth/login",
                "{\"username\":\"bob\",\"password\":\"" + TestOrg.PASSWORD + "\"}", null);
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains("disabled");
    }

    @Test
    void changingOnesPasswordEndsEveryOtherSessionAndToken() {
        WebClient laptop = new WebClient(port);
        laptop.login("bob", TestOrg.PASSWORD);
        WebClient phone = new WebClient(port);
        phone.login("bob", TestOrg.PASSWORD);
        String token = tokenOf("bob", TestOrg.PASSWORD);
        laptop.get("/account");

        laptop.post("/account/password", Map.of("currentPassword", TestOrg.PASSWORD, "newPassword", "Quiet-River-Stone-77",
                "confirmPassword", "Quiet-River-Stone-77"));

        assertThat(laptop.get("/").statusCode()).isEqualTo(200);
        assertThat(phone.get("/").statusCode()).isEqualTo(302);
        assertThat(new WebClient(port).json("GET", "/api/v1/me", null, token).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenCannotMintAnotherToken() {
        String token = tokenOf("bob", TestOrg.PASSWORD);

        HttpResponse<String> mint = new WebClient(port).json("POST", "/api/v1/me/tokens", "{\"name\":\"forever\"}", token);

        assertThat(mint.statusCode()).isEqualTo(405);
        assertThat(db.fetchCount(db.selectFrom("api_token"))).isEqualTo(1);
    }

    @Test
    void malformedInputGetsAnAnswerNotAServerError() {
        WebClient browser = new WebClient(port);
        browser.login("bob", TestOrg.PASSWORD);
        browser.get("/");

        HttpResponse<String> language = browser.post("/language", Map.of("lang", "en", "back", "/a|b\t^\""));
        assertThat(language.statusCode()).isEqualTo(302);
        assertThat(language.headers().firstValue("Location").orElseThrow()).endsWith("/");

        WebClient other = new WebClient(port);
        HttpResponse<String> longName = other.login("x".repeat(9000), "whatever");
        assertThat(longName.statusCode()).isEqualTo(302);
        assertThat(longName.headers().firstValue("Location").orElseThrow()).contains("/login?error");

        HttpResponse<String> badId = browser.get("/org/users/abc");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    }

    private String tokenOf(String username, String password) {
        HttpResponse<String> response = new WebClient(port).json("POST", "/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }
}
