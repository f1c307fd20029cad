package io.haina.crm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/** Changes to many ticked records: each through the engine's checks, all or nothing. */
@HainaIntegrationTest
class BulkChangesIntegrationTest {

    @Autowired
    BulkChanges bulk;
    @Autowired
    RecordService records;
    @Autowired
    TestOrg org;
    @LocalServerPort
    int port;

    long rep;
    long colleague;
    long viewer;
    long first;
    long second;
    long colleagues;

    @BeforeEach
    void company() {
        org.admin();
        long repRole = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.DELETE, ObjectAction.TRANSFER).create();
        long viewerRole = org.role("只读").grant("product", ScopeLevel.ALL, ObjectAction.VIEW, ObjectAction.EDIT).create();
        rep = org.user("wang", "王小明", null, null, repRole);
        colleague = org.user("li", "李娜", null, null, repRole);
        viewer = org.user("zhao", "赵六", null, null, viewerRole);
        first = records.create(rep, "product", Map.of("name", "海纳服务器 X1", "list_price", "100")).id();
        second = records.create(rep, "product", Map.of("name", "海纳打印机", "list_price", "200")).id();
        colleagues = records.create(colleague, "product", Map.of("name", "李娜的样机")).id();
    }

    @Test
    void aFieldIsSetAndOwnersChangeOnEveryTickedRecordWithHistory() {
        assertThat(bulk.set(rep, "product", List.of(first, second, first), "unit", "台")).isEqualTo(2);
        assertThat(records.read(rep, "product", first).get("unit")).isEqualTo("台");
        assertThat(records.read(rep, "product", second).get("unit")).isEqualTo("台");

        bulk.transfer(rep, "product", List.of(first, second), colleague);
        assertThat(records.read(colleague, "product", first).ownerId()).isEqualTo(colleague);
        assertThat(records.history(colleague, "product", second)).extracting(RecordHistoryEntry::action).contains("TRANSFERRED");
    }

    @Test
    void oneRefusalLeavesEveryRecordAsItWas() {
        assertThatThrownBy(() -> bulk.set(rep, "product", List.of(first, second), "list_price", "十块"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey).contains("bulk.error.record"));
        assertThatThrownBy(() -> bulk.delete(rep, "product", List.of(first, colleagues)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey).containsExactly("bulk.error.unreachable"));
        assertThatThrownBy(() -> bulk.transfer(viewer, "product", List.of(colleagues), viewer))
                .as("editing is not transferring").isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        e.problems()).extracting(InvalidInputException.FieldProblem::messageKey).containsExactly("bulk.error.unreachable"));

        assertThat(records.read(rep, "product", first).get("list_price")).isEqualTo(new java.math.BigDecimal("100.00"));
        assertThat(records.read(rep, "product", first).version()).isZero();
        assertThat(records.read(colleague, "product", colleagues).ownerId()).isEqualTo(colleague);
    }

    @Test
    void theListPageAppliesAndExplainsInTheUsersLanguage() {
        WebClient client = new WebClient(port).language("zh-CN");
        client.login("wang", TestOrg.PASSWORD);
        String list = client.get("/o/product").body();
        assertThat(list).contains("id=\"bulk-form\"", "name=\"ids\"");

        var done = client.post("/o/product/bulk", Map.of("action", "delete", "ids", String.valueOf(second), "back", "/o/product"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(client.get("/o/product").body()).contains("记录已删除").doesNotContain("海纳打印机");

        client.post("/o/product/bulk", Map.of("action", "field", "field", "list_price", "value", "十块",
                "ids", String.valueOf(first), "back", "/o/product"));
        assertThat(client.get("/o/product").body()).contains("无法修改").contains("标准价格");
    }
}
