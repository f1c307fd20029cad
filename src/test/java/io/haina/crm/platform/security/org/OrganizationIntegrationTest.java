package io.haina.crm.platform.security.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * The organization admin: its rules, and a sales rep and a manager trying to get around their
 * grants and scopes through the pages and the services.
 */
@HainaIntegrationTest
class OrganizationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    DepartmentService departments;
    @Autowired
    UserAdminService users;
    @Autowired
    UserDirectory directory;
    @Autowired
    DSLContext db;

    long admin;
    long sales;
    long east;
    long managerRole;
    long repRole;
    long manager;
    long rep;
    long colleague;

    @BeforeEach
    void buildCompany() {
        admin = org.admin();
        sales = org.department("销售部", null);
        east = org.department("华东销售组", sales);
        managerRole = org.role("销售经理")
                .grant("user", ScopeLevel.DEPARTMENT_AND_CHILDREN, ObjectAction.VIEW, ObjectAction.EDIT)
                .grant("department", ScopeLevel.ALL, ObjectAction.VIEW)
                .grant("role", ScopeLevel.ALL, ObjectAction.ASSIGN).create();
        repRole = org.role("销售代表").grant("user", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW).create();
        manager = org.user("zhang", "张经理", sales, null, managerRole);
        rep = org.user("wang", "王小明", east, manager, repRole);
        colleague = org.user("li", "李娜", east, manager, repRole);
    }

    @Test
    void aRepSeesOnlyThemselvesAndAManagerTheirDepartmentTree() {
        assertThat(directory.list(rep, null, null, null)).extracting(UserAccount::username).containsExactly("wang");
        assertThat(directory.list(manager, null, null, null)).extracting(UserAccount::username)
                .containsExactlyInAnyOrder("zhang", "wang", "li");
        assertThat(directory.list(admin, null, null, null)).hasSize(4);
    }

    @Test
    void aUserOutsideTheScopeIsNotFoundByIdOnThePageOrInTheService() {
        WebClient browser = new WebClient(port);
        browser.login("wang", TestOrg.PASSWORD);

        HttpResponse<String> page = browser.get("/org/users/" + colleague);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("李娜");
        assertThatThrownBy(() -> directory.find(rep, colleague)).isInstanceOf(NotFoundException.class);
        assertThat(browser.get("/org/users/" + rep).statusCode()).isEqualTo(200);
    }

    @Test
    void theUserListSearchCannotReachPastTheScope() {
        WebClient browser = new WebClient(port);
        browser.login("wang", TestOrg.PASSWORD);

        assertThat(browser.get("/org/users?q=%E6%9D%8E").body()).doesNotContain("李娜");
        assertThat(browser.get("/org/users?q=admin").body()).doesNotContain("data-username=\"admin\"");
    }

    @Test
    void pagesAndActionsTheRoleDoesNotGrantAreForbidden() {
        WebClient browser = new WebClient(port);
        browser.login("wang", TestOrg.PASSWORD);

        assertThat(browser.get("/org/roles").statusCode()).isEqualTo(403);
        assertThat(browser.get("/org/departments").statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/audit/logins").statusCode()).isEqualTo(403);
        assertThat(browser.get("/org/users/new").statusCode()).isEqualTo(403);
        HttpResponse<String> create = browser.post("/org/users", Map.of("username", "sneaky", "displayName", "x",
                "password", TestOrg.PASSWORD));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(db.selectFrom("app_user").where("username = 'sneaky'"))).isZero();
        HttpResponse<String> home = browser.get("/");
        assertThat(home.body()).doesNotContain("href=\"/org/roles\"").doesNotContain("href=\"/admin/audit/logins\"")
                .contains("href=\"/org/users\"");
    }

    @Test
    void aManagerCannotTouchAnAdministratorNorHandOutAnAdministratorRole() {
        long adminRole = db.fetchOne("select id from role where administrator").get(0, Long.class);
        long adminInScope = org.user("helper", "帮手", sales, null, adminRole);

        assertThatThrownBy(() -> users.resetPassword(manager, adminInScope, "Some-Other-Pass-99"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setRoles(manager, rep, Set.of(adminRole))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setRoles(manager, manager, Set.of(managerRole, repRole)))
                .isInstanceOf(ConflictException.class).hasMessage("user.error.own-roles");
        assertThat(db.fetchCount(db.selectFrom("user_role").where("user_id = ?", rep))).isEqualTo(1);
    }

    @Test
    void aManagerEditsTheirTeamButNotSomeoneOutsideIt() {
        long outsider = org.user("zhao", "赵客服", null, null);
        UserAccount wang = directory.find(manager, rep);

        users.update(manager, rep, new UserForm(null, "王小明", "wang@example.com", "13800000000", "高级销售", east, manager,
                null, List.of(), wang.version()));

        assertThat(directory.find(admin, rep).position()).isEqualTo("高级销售");
        assertThatThrownBy(() -> users.update(manager, outsider, new UserForm(null, "x", null, null, null, null, null, null,
                List.of(), 0))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStaleEditIsRefusedWithoutOverwriting() {
        UserAccount before = directory.find(admin, rep);
        users.update(admin, rep, new UserForm(null, "王小明", null, null, "组长", east, manager, null, List.of(), before.version()));

        assertThatThrownBy(() -> users.update(admin, rep, new UserForm(null, "王小明", null, null, "实习生", east, manager,
                null, List.of(), before.version()))).isInstanceOf(ConflictException.class).hasMessage("validation.stale");
        assertThat(directory.find(admin, rep).position()).isEqualTo("组长");
    }

    @Test
    void aManagerChainCannotLoop() {
        UserAccount zhang = directory.find(admin, manager);

        assertThatThrownBy(() -> users.update(admin, manager, new UserForm(null, "张经理", null, null, null, sales, rep, null,
                List.of(), zhang.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("user.error.manager-cycle")));
    }

    @Test
    void usernamesAreUniqueWhateverTheCase() {
        assertThatThrownBy(() -> org.user("WANG", "另一个王", east, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("user.error.username-taken")));
    }

    @Test
    void nobodyChangesTheirOwnStatusAndAFormerAdministratorLosesTheirReachAtOnce() {
        assertThatThrownBy(() -> users.changeStatus(admin, admin, UserStatus.DISABLED)).isInstanceOf(ConflictException.class)
                .hasMessage("user.error.own-status");
        long adminRole = db.fetchOne("select id from role where administrator").get(0, Long.class);
        long second = org.user("admin2", "副管理员", null, null, adminRole);

        users.setRoles(second, admin, Set.of());

        assertThatThrownBy(() -> users.changeStatus(admin, second, UserStatus.DISABLED)).isInstanceOf(AccessDeniedException.class);
        assertThat(db.fetchCount(db.selectFrom("app_user").where("status = 'ACTIVE'"))).isEqualTo(5);
    }

    @Test
    void departmentsKeepTheirTreeSound() {
        assertThatThrownBy(() -> departments.create(admin, sales, "华东销售组")).isInstanceOf(ConflictException.class)
                .hasMessage("department.error.duplicate");
        int version = db.fetchOne("select version from department where id = ?", sales).get(0, Integer.class);
        assertThatThrownBy(() -> departments.move(admin, sales, version, east)).isInstanceOf(ConflictException.class)
                .hasMessage("department.error.cycle");
        assertThatThrownBy(() -> departments.delete(admin, east)).isInstanceOf(ConflictException.class)
                .hasMessage("department.error.has-users");
        assertThatThrownBy(() -> departments.delete(admin, sales)).isInstanceOf(ConflictException.class)
                .hasMessage("department.error.has-children");
        long empty = departments.create(admin, sales, "待撤销组");
        departments.delete(admin, empty);
        assertThat(db.fetchCount(db.selectFrom("department").where("id = ?", empty))).isZero();
    }

    @Test
    void aDepartmentConflictIsShownOnThePageInTheUsersLanguage() {
        WebClient browser = new WebClient(port).language("en");
        browser.login("admin", TestOrg.PASSWORD);
        browser.get("/org/departments");

        HttpResponse<String> page = browser.post("/org/departments/" + east + "/delete", Map.of());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("still has 2 member(s)");
    }

    @Test
    void organizationChangesAreInTheAdminLogWithTheirActor() {
        long temp = departments.create(admin, null, "临时部门");
        departments.delete(admin, temp);

        var rows = db.fetch("select action, actor_id, target_name from operation_log where target_type = 'department' order by id");

        assertThat(rows).extracting(r -> r.get(0, String.class)).containsSubsequence("DEPARTMENT_CREATED", "DEPARTMENT_DELETED");
        assertThat(rows.getLast().get(1, Long.class)).isEqualTo(admin);
        assertThat(rows.getLast().get(2, String.class)).isEqualTo("临时部门");
        assertThat(db.fetchCount(db.selectFrom("operation_log").where("action = 'USER_CREATED'"))).isEqualTo(3);
    }

    @Test
    void theAdminLogAndLoginLogAreForAdministratorsOnly() {
        WebClient boss = new WebClient(port);
        boss.login("admin", TestOrg.PASSWORD);
        new WebClient(port).login("wang", "wrong-password");

        HttpResponse<String> logins = boss.get("/admin/audit/logins");
        assertThat(logins.statusCode()).isEqualTo(200);
        assertThat(logins.body()).contains("wang").contains("密码错误");
        assertThat(boss.get("/admin/audit/operations").body()).contains("新建用户").contains("王小明");

        WebClient manager = new WebClient(port);
        manager.login("zhang", TestOrg.PASSWORD);
        assertThat(manager.get("/admin/audit/operations").statusCode()).isEqualTo(403);
    }
}
