package io.haina.crm.platform.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * Follow-ups through the pages and the API: the timeline tab comes first on a customer's page and
 * lists follow-ups, tasks and history newest first, a page at a time; the form posts without
 * JavaScript too; refused input is answered at the field in the reader's language; a colleague
 * who may not see the customer gets "not found" by page and by API alike.
 */
@HainaIntegrationTest
class FollowUpPagesIntegrationTest {

    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    FollowUps followUps;
    @LocalServerPort
    int port;

    long wang;
    long li;
    RecordData customer;

    @BeforeEach
    void company() {
        org.admin();
        long repRole = org.role("销售")
                .grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT)
                .grant("contact", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE).create();
        wang = org.user("wang", "王小明", null, null, repRole);
        li = org.user("li", "李娜", null, null, repRole);
        customer = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
    }

    @Test
    void theTimelineTabComesFirstAndListsFollowUpsTasksAndHistoryNewestFirstPageByPage() {
        for (int i = 1; i <= 25; i++) {
            followUps.add(wang, "customer", customer.id(), new FollowUpDraft("call", "第" + i + "次电话", List.of(),
                    "2026-0" + (1 + i / 10) + "-" + (10 + i % 10) + "T09:00", null), ZoneId.of("Asia/Shanghai"));
        }
        WebClient web = signedIn("wang");

        String page = web.get("/o/customer/" + customer.id()).body();
        assertThat(page).contains("id=\"tab-timeline-button\"", "hx-get=\"/o/customer/" + customer.id() + "/timeline\"");
        assertThat(page.indexOf("tab-timeline-button")).isLessThan(page.indexOf("tab-details-button"));

        String first = web.get("/o/customer/" + customer.id() + "/timeline").body();
        assertThat(first).contains("id=\"fu-form\"", "保存跟进", "创建");
        assertThat(first.indexOf("data-history")).as("the record was created just now: history first").isLessThan(first.indexOf("第25次电话"));
        assertThat(first.indexOf("第25次电话")).isLessThan(first.indexOf("第24次电话"));
        assertThat(first).doesNotContain("第6次电话").contains("加载更多");
        String cursor = first.replaceAll("(?s).*timeline/more\\?cursor=([^\"]+)\".*", "$1");
        String second = web.get("/o/customer/" + customer.id() + "/timeline/more?cursor=" + cursor).body();
        assertThat(second).contains("第6次电话", "第1次电话").doesNotContain("第7次电话\n").doesNotContain("加载更多");
        assertThat(countOf(first + second, "id=\"follow-up-")).isEqualTo(25);
    }

    @Test
    void theFormPostsWithoutJavaScriptAndRefusesEmptyContentAtTheFieldInTheReadersLanguage() {
        WebClient web = signedIn("wang");
        web.get("/o/customer/" + customer.id());

        var saved = web.post("/o/customer/" + customer.id() + "/follow-ups", Map.of("kind", "visit", "content", "拜访采购部"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(web.get("/o/customer/" + customer.id() + "/timeline").body()).contains("拜访采购部", "拜访");

        WebClient english = new WebClient(port).language("en");
        english.login("wang", TestOrg.PASSWORD);
        english.get("/o/customer/" + customer.id());
        var refused = english.post("/o/customer/" + customer.id() + "/follow-ups", Map.of("kind", "call", "content", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"fu-content-error\"", "Required.");
    }

    @Test
    void aColleagueWhoMayNotSeeTheCustomerGetsNotFoundByPageAndApi() {
        followUps.add(wang, "customer", customer.id(), new FollowUpDraft("call", "机密报价", List.of(), null, null), ZoneId.of("Asia/Shanghai"));
        WebClient web = signedIn("li");
        web.get("/");

        assertThat(web.get("/o/customer/" + customer.id() + "/timeline").statusCode()).isEqualTo(404);
        assertThat(web.post("/o/customer/" + customer.id() + "/follow-ups", Map.of("kind", "call", "content", "越权")).statusCode())
                .isEqualTo(404);
        WebClient api = new WebClient(port);
        String token = api.apiToken("li", TestOrg.PASSWORD);
        var read = api.json("GET", "/api/v1/objects/customer/" + customer.id() + "/follow-ups", null, token);
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("机密报价");
        assertThat(api.json("POST", "/api/v1/objects/customer/" + customer.id() + "/follow-ups",
                "{\"kind\":\"call\",\"content\":\"越权\"}", token).statusCode()).isEqualTo(404);
        assertThat(followUps.of(wang, "customer", customer.id(), Timeline.Cursor.START.at(), Long.MAX_VALUE, 10)).hasSize(1);
    }

    @Test
    void theApiAddsAndListsFollowUpsAndAnswersBadInputWithAProblem() {
        WebClient api = new WebClient(port).language("en");
        String token = api.apiToken("wang", TestOrg.PASSWORD);
        String path = "/api/v1/objects/customer/" + customer.id() + "/follow-ups";

        var created = api.json("POST", path, "{\"kind\":\"wechat\",\"content\":\"微信发了方案\",\"nextAt\":\"2099-01-02T10:00:00+08:00\"}", token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"kind\":\"wechat\"", "\"nextTaskId\":");
        var listed = api.json("GET", path, null, token);
        assertThat(listed.body()).contains("微信发了方案");
        var refused = api.json("POST", path, "{\"kind\":\"pigeon\",\"content\":\"\"}", token);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(refused.body()).contains("content", "kind");
    }

    private WebClient signedIn(String username) {
        WebClient web = new WebClient(port);
        web.login(username, TestOrg.PASSWORD);
        return web;
    }

    private static int countOf(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
