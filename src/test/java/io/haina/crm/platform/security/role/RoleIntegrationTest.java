package io.haina.crm.platform.security.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

@HainaIntegrationTest
class RoleIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RoleService roles;
    @Autowired
    Permissions permissions;
    @Autowired
    DSLContext db;

    @Test
    void theGrantMatrixKeepsOnlyActionsAnObjectSupportsAndTheScopeOfOwnedObjects() {
        org.admin();
        WebClient browser = new WebClient(port);
        browser.login("admin", TestOrg.PASSWORD);
        browser.get("/org/roles/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "客服");
        form.put("grant.user", "VIEW");
        form.put("scope.user", "DEPARTMENT");
        form.put("grant.department", "CLAIM");
        form.put("grant.unknown_object", "VIEW");

        HttpResponse<String> created = browser.post("/org/roles", form);

        assertThat(created.statusCode()).isEqualTo(302);
        var grants = db.fetch("select object_code, actions, data_scope from role_grant g join role r on r.id = g.role_id where r.name = '客服'");
        assertThat(grants).hasSize(1);
        assertThat(grants.getFirst().get(0, String.class)).isEqualTo("user");
        assertThat(grants.getFirst().get(1, String[].class)).containsExactly("VIEW");
        assertThat(grants.getFirst().get(2, String.class)).isEqualTo("DEPARTMENT");
    }

    @Test
    void aChangedRoleAppliesOnTheNextRequestWithoutSigningInAgain() {
        long admin = org.admin();
        long role = org.role("观察员").grant("user", ScopeLevel.SELF, ObjectAction.VIEW).create();
        org.user("guest", "访客", null, null, role);
        WebClient guest = new WebClient(port);
        guest.login("guest", TestOrg.PASSWORD);
        assertThat(guest.get("/org/roles").statusCode()).isEqualTo(403);

        int version = db.fetchOne("select version from role where id = ?", role).get(0, Integer.class);
        roles.update(admin, role, new RoleForm("观察员", null, Map.of("user", java.util.Set.of(ObjectAction.VIEW),
                "role", java.util.Set.of(ObjectAction.VIEW)), Map.of("user", ScopeLevel.SELF), version));

        assertThat(guest.get("/org/roles").statusCode()).isEqualTo(200);
    }

    @Test
    void builtInAndHeldRolesCannotBeDeleted() {
        long admin = org.admin();
        long adminRole = db.fetchOne("select id from role where administrator").get(0, Long.class);
        long held = org.role("销售代表").grant("user", ScopeLevel.SELF, ObjectAction.VIEW).create();
        org.user("rep", "销售", null, null, held);

        assertThatThrownBy(() -> roles.delete(admin, adminRole)).isInstanceOf(ConflictException.class)
                .hasMessage("role.error.built-in");
        assertThatThrownBy(() -> roles.delete(admin, held)).isInstanceOf(ConflictException.class)
                .hasMessage("role.error.in-use");
        assertThat(db.fetchCount(db.selectFrom("role").where("id in (" + adminRole + ", " + held + ")"))).isEqualTo(2);
    }

    @Test
    void roleNamesAreUnique() {
        long admin = org.admin();
        org.role("销售代表").create();

        assertThatThrownBy(() -> roles.create(admin, new RoleForm("销售代表", null, Map.of(), Map.of(), null)))
                .isInstanceOf(ConflictException.class).hasMessage("role.error.duplicate");
    }
}
