package io.haina.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.Scene;
import io.haina.crm.platform.security.role.Role;
import io.haina.crm.platform.security.role.RoleRepository;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/** A new company starts with a sales rep, a sales manager and a marketing role that work as their names say. */
@HainaIntegrationTest
class SalesStarterRolesIntegrationTest {

    @Autowired
    TestOrg org;
    @Autowired
    RoleRepository roles;
    @Autowired
    RecordService records;
    @Autowired
    RecordFinder finder;

    @Test
    void theStarterRolesWorkOutOfTheBox() {
        org.admin();
        assertThat(roles.all()).extracting(Role::name).contains("销售代表", "销售经理", "市场专员");
        long east = org.department("华东区", null);
        long manager = org.user("zhang", "张经理", east, null, role("销售经理"));
        long rep = org.user("wang", "王小明", east, manager, role("销售代表"));
        long colleague = org.user("li", "李娜", east, null, role("销售代表"));
        long marketer = org.user("zhao", "赵市场", null, null, role("市场专员"));

        long lead = records.create(marketer, "lead", Map.of("name", "陈静", "company", "云帆网络")).id();
        records.transfer(marketer, "lead", lead, rep);
        long customer = records.create(rep, "customer", Map.of("name", "北京海纳科技有限公司")).id();

        assertThat(finder.list(rep, "lead", RecordListRequest.firstPage()).items()).hasSize(1);
        assertThat(finder.list(colleague, "customer", RecordListRequest.firstPage()).items()).isEmpty();
        assertThat(finder.list(manager, "customer", new RecordListRequest(null, null, Scene.SUBORDINATES, null, null, 20))
                .items()).extracting(r -> r.id()).containsExactly(customer);
        assertThat(finder.list(marketer, "customer", RecordListRequest.firstPage()).items()).hasSize(1);
        assertThatThrownBy(() -> records.update(marketer, "customer", customer, 0, Map.of("level", "a")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> records.delete(rep, "customer", customer)).isInstanceOf(AccessDeniedException.class);
    }

    private long role(String name) {
        return roles.all().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().id();
    }
}
