package io.haina.crm.platform.security.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.haina.crm.platform.records.FieldPermissions;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.role.RoleForm;
import io.haina.crm.platform.security.role.RoleService;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * Grants, the org chart, field permissions, API tokens and users' accounts are kept between
 * requests, and yet every change to them applies from the very next request: made through the
 * admin services or the API, written by hand in SQL (as another app instance would), or made and
 * rolled back (which must leave nothing behind).
 */
@HainaIntegrationTest
class AccessCacheIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RoleService roles;
    @Autowired
    RecordService records;
    @Autowired
    FieldPermissions fieldPermissions;
    @Autowired
    ObjectRegistry objects;
    @Autowired
    Permissions permissions;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;

    long adminId;
    long east;
    long north;
    long managerRole;
    long repRole;
    long managerId;
    long repId;
    WebClient client;

    @BeforeEach
    void company() {
        adminId = org.admin();
        east = org.department("华东区", null);
        north = org.department("华北区", null);
        managerRole = org.role("销售经理").grant("product", ScopeLevel.DEPARTMENT, ObjectAction.VIEW).create();
        repRole = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE).create();
        managerId = org.user("zhang", "张经理", east, null, managerRole);
        repId = org.user("wang", "王小明", north, null, repRole);
        client = new WebClient(port);
    }

    @Test
    void aRevokedGrantAppliesFromTheNextRequest() {
        String token = client.apiToken("wang", TestOrg.PASSWORD);
        assertThat(client.json("GET", "/api/v1/objects/product", null, token).statusCode()).isEqualTo(200);
        assertThat(client.json("GET", "/api/v1/objects/product", null, token).statusCode()).isEqualTo(200);

        var role = roles.find(repRole);
        roles.update(adminId, repRole, new RoleForm(role.name(), role.description(), Map.of(), Map.of(), role.version()));

        assertThat(client.json("GET", "/api/v1/objects/product", null, token).statusCode()).isEqualTo(403);
    }

    @Test
    void movingAUserInTheOrgChartByHandChangesTheManagersScopeAtOnce() {
        records.create(repId, "product", Map.of("name", "北方服务器 N1"));
        String token = client.apiToken("zhang", TestOrg.PASSWORD);
        assertThat(client.json("GET", "/api/v1/objects/product", null, token).body()).doesNotContain("北方服务器 N1");

        new JdbcTemplate(dataSource).update("update app_user set department_id = ? where id = ?", east, repId);

        assertThat(client.json("GET", "/api/v1/objects/product", null, token).body()).contains("北方服务器 N1");
    }

    @Test
    void aTokenInUseRevokedThroughTheApiIsRefusedFromTheNextRequest() {
        String token = client.apiToken("wang", TestOrg.PASSWORD);
        assertThat(client.json("GET", "/api/v1/objects/product", null, token).statusCode()).isEqualTo(200);
        assertThat(client.json("GET", "/api/v1/objects/product", null, token).statusCode()).isEqualTo(200);

        assertThat(client.json("POST", "/api/v1/auth/logout", null, token).statusCode()).isEqualTo(204);

        assertThat(client.json("GET", "/api/v1/objects/product", null, token).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenInUseRevokedByHandIsRefusedFromTheNextRequest() {
        String token = client.apiToken("wang", TestOrg.PASSWORD);
        String other = client.apiToken("wang", TestOrg.PASSWORD);
        assertThat(client.json("GET", "/api/v1/objects/product", null, token).statusCode()).isEqualTo(200);
        assertThat(client.json("GET", "/api/v1/objects/product", null, other).statusCode()).isEqualTo(200);

        new JdbcTemplate(dataSource).update("update api_token set revoked_at = now() where token_hint = ?",
                token.substring(0, 9));

        assertThat(client.json("GET", "/api/v1/objects/product", null, token).statusCode()).isEqualTo(401);
        assertThat(client.json("GET", "/api/v1/objects/product", null, other).statusCode()).isEqualTo(200);
    }

    @Test
    void aUserDisabledByHandCannotUseTheirTokenFromTheNextRequest() {
        String token = client.apiToken("wang", TestOrg.PASSWORD);
        assertThat(client.json("GET", "/api/v1/objects/product", null, token).statusCode()).isEqualTo(200);

        new JdbcTemplate(dataSource).update("update app_user set status = 'DISABLED' where id = ?", repId);

        assertThat(client.json("GET", "/api/v1/objects/product", null, token).statusCode()).isEqualTo(401);
    }

    @Test
    void aLanguageChosenByHandAnswersTheNextRequest() {
        String token = client.apiToken("wang", TestOrg.PASSWORD);
        new JdbcTemplate(dataSource).update("update app_user set locale = 'en' where id = ?", repId);
        assertThat(client.json("GET", "/api/v1/objects/customer", null, token).body()).contains("Your role does not allow this");

        new JdbcTemplate(dataSource).update("update app_user set locale = 'zh-CN' where id = ?", repId);

        assertThat(client.json("GET", "/api/v1/objects/customer", null, token).body()).contains("您的角色没有执行此操作的权限");
    }

    @Test
    void aRoleGivenInARolledBackTransactionIsNotRemembered() {
        assertThat(permissions.can(repId, "product", ObjectAction.DELETE)).isFalse();
        long deleterRole = org.role("删除者").grant("product", ScopeLevel.SELF, ObjectAction.DELETE).create();

        transactions.executeWithoutResult(tx -> {
            new JdbcTemplate(dataSource).update("insert into user_role (user_id, role_id) values (?, ?)", repId, deleterRole);
            assertThat(permissions.can(repId, "product", ObjectAction.DELETE)).isTrue();
            tx.setRollbackOnly();
        });

        assertThat(permissions.can(repId, "product", ObjectAction.DELETE)).isFalse();
        String token = client.apiToken("wang", TestOrg.PASSWORD);
        long id = records.create(repId, "product", Map.of("name", "海纳服务器 X1")).id();
        assertThat(client.json("DELETE", "/api/v1/objects/product/" + id, null, token).statusCode()).isEqualTo(403);
    }

    @Test
    void aFieldHiddenFromARoleDisappearsFromTheNextResponse() {
        long id = records.create(repId, "product", Map.of("name", "海纳服务器 X1", "list_price", "1000")).id();
        String token = client.apiToken("wang", TestOrg.PASSWORD);
        assertThat(client.json("GET", "/api/v1/objects/product/" + id, null, token).body()).contains("list_price");

        fieldPermissions.replaceRules(adminId, repRole, objects.find("product").orElseThrow(),
                Map.of("list_price", FieldPermissions.Restriction.HIDDEN));

        assertThat(client.json("GET", "/api/v1/objects/product/" + id, null, token).body()).doesNotContain("list_price");
    }
}
