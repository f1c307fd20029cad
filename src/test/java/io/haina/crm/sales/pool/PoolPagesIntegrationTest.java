package io.haina.crm.sales.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * The pools through the pages and the REST API: an administrator sets a pool up, a rep returns
 * a customer with a reason from its page, a colleague finds it in the pool and claims it, and
 * the API answers refusals as problem JSON in the caller's language.
 */
@HainaIntegrationTest
class PoolPagesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    SystemRecords system;

    long east;
    long wang;
    long li;

    @BeforeEach
    void team() {
        org.admin();
        east = org.department("华东区", null);
        long rep = org.role("销售代表").worksOwn("customer").create();
        wang = org.user("wang", "王小明", east, null, rep);
        li = org.user("li", "李娜", east, null, rep);
    }

    private long createPool(WebClient admin, String name, String claimsPerDay) {
        admin.get("/admin/pools/new");
        var saved = admin.post("/admin/pools/new", Map.of("objectCode", "customer", "name", name, "departmentIds",
                String.valueOf(east), "adminIds", String.valueOf(wang), "ruleKind", "NO_FOLLOW_UP", "ruleDays", "30",
                "claimsPerDay", claimsPerDay, "active", "true"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String list = admin.open("/admin/pools").body();
        assertThat(list).contains(name).contains("超过 30 天未跟进");
        return Long.parseLong(list.replaceAll("(?s).*href=\"/admin/pools/(\\d+)\".*", "$1"));
    }

    @Test
    void aRepReturnsACustomerWithAReasonAndAColleagueClaimsItFromThePoolPage() {
        WebClient admin = new WebClient(port);
        admin.login(TestOrg.ADMIN, TestOrg.PASSWORD);
        admin.get("/admin/pools/new");
        var refused = admin.post("/admin/pools/new", Map.of("objectCode", "customer", "name", " ", "claimsPerDay", "-3"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("必填").contains("请填写正整数").contains("至少指定一位管理员");
        long pool = createPool(admin, "华东公海", "1");

        RecordData haina = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        WebClient rep = new WebClient(port);
        rep.login("wang", TestOrg.PASSWORD);
        String page = rep.open("/o/customer/" + haina.id()).body();
        assertThat(page).contains("/pools/return/customer/" + haina.id()).contains("退回公海");
        rep.get("/pools/return/customer/" + haina.id());
        var noReason = rep.post("/pools/return/customer/" + haina.id(), Map.of("poolId", String.valueOf(pool), "reason", ""));
        assertThat(noReason.body()).contains("请填写退回原因");
        assertThat(system.poolOf("customer", haina.id())).isEmpty();
        var returned = rep.post("/pools/return/customer/" + haina.id(), Map.of("poolId", String.valueOf(pool), "reason", "客户暂无预算"));
        assertThat(returned.statusCode()).isEqualTo(302);

        WebClient colleague = new WebClient(port);
        colleague.login("li", TestOrg.PASSWORD);
        assertThat(colleague.open("/pools").body()).contains("华东公海").contains("/pools/" + pool);
        String poolPage = colleague.open("/pools/" + pool).body();
        assertThat(poolPage).contains("北京海纳科技有限公司").contains("领取");
        String detail = colleague.open("/o/customer/" + haina.id()).body();
        assertThat(detail).contains("在公海中，暂无负责人").contains("退回池中").contains("客户暂无预算");
        var claimed = colleague.post("/pools/" + pool + "/records/" + haina.id() + "/claim", Map.of());
        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(records.read(li, "customer", haina.id()).ownerId()).isEqualTo(li);
        assertThat(colleague.open("/o/customer/" + haina.id()).body()).contains("已领取，现在由您负责");
    }

    @Test
    void theApiClaimsAndRefusesWithProblemJsonInTheCallersLanguage() {
        WebClient admin = new WebClient(port);
        admin.login(TestOrg.ADMIN, TestOrg.PASSWORD);
        long pool = createPool(admin, "华东公海", "1");
        List<RecordData> customers = List.of(records.create(wang, "customer", Map.of("name", "甲公司")),
                records.create(wang, "customer", Map.of("name", "乙公司")));
        WebClient api = new WebClient(port).language("en");
        String wangToken = api.apiToken("wang", TestOrg.PASSWORD);
        for (RecordData customer : customers) {
            var back = api.json("POST", "/api/v1/objects/customer/" + customer.id() + "/return",
                    "{\"poolId\":" + pool + ",\"reason\":\"Handing over\"}", wangToken);
            assertThat(back.statusCode()).isEqualTo(204);
        }
        String liToken = api.apiToken("li", TestOrg.PASSWORD);
        var pools = api.json("GET", "/api/v1/pools", null, liToken);
        assertThat(pools.body()).contains("\"name\":\"华东公海\"").contains("\"waiting\":2");
        var listed = api.json("GET", "/api/v1/objects/customer?filter=pool_id%20eq%20" + pool, null, liToken);
        assertThat(listed.body()).contains("甲公司").contains("乙公司");

        assertThat(api.json("POST", "/api/v1/objects/customer/" + customers.get(0).id() + "/claim", "{}", liToken).statusCode())
                .isEqualTo(204);
        var second = api.json("POST", "/api/v1/objects/customer/" + customers.get(1).id() + "/claim", "{}", liToken);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(second.body()).contains("today’s claim limit (1 a day)");
        var product = api.json("POST", "/api/v1/objects/product/1/claim", "{}", liToken);
        assertThat(product.statusCode()).isEqualTo(404);
        var noPool = api.json("POST", "/api/v1/objects/customer/" + customers.get(0).id() + "/return",
                "{\"poolId\":" + pool + ",\"reason\":\"\"}", liToken);
        assertThat(noPool.statusCode()).isEqualTo(400);
        assertThat(noPool.body()).contains("Give a reason for returning it");
    }
}
