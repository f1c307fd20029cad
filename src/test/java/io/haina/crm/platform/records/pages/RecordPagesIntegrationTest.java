package io.haina.crm.platform.records.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/** The generic pages on Products, used as a salesperson would through plain HTTP forms. */
@HainaIntegrationTest
class RecordPagesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    DSLContext db;

    WebClient rep;
    long repId;
    long managerId;
    long salesId;

    @BeforeEach
    void company() {
        org.admin();
        long sales = org.department("销售部", null);
        salesId = sales;
        long role = org.role("产品专员").grant("product", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW,
                ObjectAction.CREATE, ObjectAction.EDIT, ObjectAction.DELETE).create();
        managerId = org.user("zhang", "张经理", sales, null, role);
        repId = org.user("wang", "王小明", sales, managerId, role);
        rep = new WebClient(port);
        rep.login("wang", TestOrg.PASSWORD);
    }

    @Test
    void aProductIsCreatedFromTheFormAndShownInTheListAndOnItsPage() {
        rep.get("/o/product/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "海纳服务器 X1");
        form.put("code", "SRV-X1");
        form.put("category", "hardware");
        form.put("list_price", "12,999.5");
        form.put("active", "true");
        HttpResponse<String> created = rep.post("/o/product", form);

        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        String page = rep.get(location).body();
        assertThat(page).contains("海纳服务器 X1").contains("¥12,999.50").contains("硬件").contains("王小明");
        String list = rep.get("/o/product").body();
        assertThat(list).contains("海纳服务器 X1").contains("hx-get=\"/o/product/count\"");
        assertThat(rep.get("/o/product/count").body()).as("the total, fetched by the page").contains("共 1 条");
    }

    @Test
    void anEmptyListInvitesToCreateOnlyThoseWhoMay() {
        long readOnly = org.role("产品查看").grant("product", ScopeLevel.SELF, ObjectAction.VIEW).create();
        org.user("li", "李只读", salesId, null, readOnly);
        WebClient reader = new WebClient(port);
        reader.login("li", TestOrg.PASSWORD);

        assertThat(rep.get("/o/product").body()).contains("还没有产品，点击“新建”添加第一条。");
        assertThat(reader.get("/o/product").body()).contains("暂无您可查看的产品。").doesNotContain("点击“新建”");
    }

    @Test
    void aBadFormComesBackWithTheMessageAtTheFieldAndWhatWasTyped() {
        rep.get("/o/product/new");

        HttpResponse<String> refused = rep.post("/o/product", Map.of("name", "", "list_price", "一万"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("必填。").contains("请输入数字。").contains("value=\"一万\"");
        assertThat(db.fetchCount(db.selectFrom("product"))).isZero();
    }

    @Test
    void aStaleEditShowsWhatChangedAndKeepsTheUsersInput() {
        long id = records.create(repId, "product", Map.of("name", "标准版", "unit", "套", "list_price", "5200")).id();
        rep.get("/o/product/" + id + "/edit");
        records.update(managerId, "product", id, 0, Map.of("unit", "年", "list_price", "5300"));

        HttpResponse<String> stale = rep.post("/o/product/" + id, Map.of("version", "0", "name", "标准版", "unit", "月"));

        assertThat(stale.statusCode()).isEqualTo(409);
        // Each change reads as the history tab shows it, with the page's punctuation; no field is marked.
        assertThat(stale.body()).contains("已被他人修改").contains("单位：套 → 年").contains("标准价格：¥5,200.00 → ¥5,300.00")
                .contains("value=\"月\"").doesNotContain("请修改下面标出的内容");
        assertThat(records.read(repId, "product", id).get("unit")).isEqualTo("年");
    }

    @Test
    void theHistoryTabShowsFieldChangesWithWhoMadeThem() {
        long id = records.create(repId, "product", Map.of("name", "标准版", "unit", "套")).id();
        records.update(managerId, "product", id, 0, Map.of("unit", "年"));

        String page = rep.get("/o/product/" + id).body();

        assertThat(page).contains("变更历史").contains("张经理").contains("单位").contains("套</span> → 年");
    }

    @Test
    void someoneOutsideTheScopeGetsNotFoundAndAnUncheckedSwitchTurnsAProductOff() {
        long id = records.create(managerId, "product", Map.of("name", "经理的产品")).id();
        assertThat(rep.get("/o/product/" + id).statusCode()).as("the manager is above the rep").isEqualTo(404);

        long mine = records.create(repId, "product", Map.of("name", "我的产品")).id();
        rep.get("/o/product/" + mine + "/edit");
        rep.post("/o/product/" + mine, Map.of("version", "0", "name", "我的产品", "active", "false"));
        assertThat(records.read(repId, "product", mine).get("active")).isEqualTo(false);
    }
}
