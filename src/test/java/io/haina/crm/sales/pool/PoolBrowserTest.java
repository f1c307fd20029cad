package io.haina.crm.sales.pool;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import io.haina.crm.platform.records.RecordService;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * In the browser: a rep returns a customer to the public pool from its page with a reason, a
 * colleague finds it in the pool and claims it, and the second claim of the day is refused with
 * the limit named. Screenshots of the pool pages, the return form and the settings form, in both
 * languages, wide and on a phone.
 */
@HainaIntegrationTest
class PoolBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    PoolSettings settings;
    @Autowired
    PoolReturns returns;

    long admin;
    long east;
    long wang;
    long li;
    long pool;

    @BeforeEach
    void team() {
        admin = org.admin();
        east = org.department("华东区", null);
        long rep = org.role("销售代表").worksOwn("customer").create();
        wang = org.user("wang", "王小明", east, null, rep);
        li = org.user("li", "李娜", east, null, rep);
        pool = settings.create(admin, new PoolDraft("customer", "华东公海", "华东区无人跟进的客户", true, 3, 1, 200, true, 30,
                List.of(PoolMember.department(east), PoolMember.user(wang, true)),
                List.of(new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 30, null, true, true),
                        new PoolRule(PoolRuleKind.NOT_WON, 90, "c", true, true))));
    }

    private long customer(String name, String level, String industry) {
        return records.create(wang, "customer", Map.of("name", name, "level", level, "industry", industry,
                "phone", "021-6688" + (1000 + name.length()))).id();
    }

    @Test
    void aReturnedCustomerIsClaimedByAColleagueWithinTheDailyLimit() {
        long haina = customer("北京海纳科技有限公司", "a", "it");
        long yunfan = customer("上海云帆网络有限公司", "b", "manufacturing");

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("wang", TestOrg.PASSWORD);
            for (long id : List.of(haina, yunfan)) {
                browser.open("/o/customer/" + id);
                page.click("#record-action-return");
                page.click("#pool-return-submit");
                assertThat(page.locator("#reason-error")).hasText("请填写退回原因");
                page.fill("#reason", "客户今年没有预算，明年再联系");
                page.click("#pool-return-submit");
                assertThat(page.locator("#notice")).containsText("已退回公海");
            }
            assertThat(browser.browserErrors()).isEmpty();
        }
        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("li", TestOrg.PASSWORD);
            browser.open("/pools");
            assertThat(page.locator("[data-pool='华东公海'] [data-waiting]")).hasText("2");
            page.click("[data-pool='华东公海']");
            assertThat(page.locator("#pool-table tbody tr")).hasCount(2);
            page.click("[data-claim='" + haina + "']");
            assertThat(page).hasURL(Pattern.compile("/o/customer/" + haina + "$"));
            assertThat(page.locator("#notice")).containsText("已领取");
            assertThat(page.locator("[data-highlight=owner_id] dd")).hasText("李娜");
            assertThat(page.locator("#record-history")).containsText("客户今年没有预算，明年再联系");

            browser.open("/pools/" + pool);
            page.click("[data-claim='" + yunfan + "']");
            assertThat(page.locator(".alert-danger")).containsText("每天 1 条");
            assertThat(page.locator("#pool-table tbody tr")).hasCount(1);
            assertThat(browser.browserErrors()).isEmpty();
        }
        assertThat(records.read(li, "customer", haina).ownerId()).isEqualTo(li);
    }

    @Test
    void tourOfThePoolPagesInBothLanguagesOnAWideAndAPhoneScreen() {
        long first = customer("北京海纳科技有限公司", "a", "it");
        long kept = customer("上海云帆网络有限公司", "b", "manufacturing");
        long second = customer("Shenzhen Bright Future Electronics Co., Ltd.", "c", "manufacturing");
        long third = customer("杭州西湖数据服务有限公司", "key", "finance");
        for (long id : List.of(first, second, third)) {
            returns.returnToPool(wang, "customer", id, pool, "客户今年没有预算，明年再联系");
        }

        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn("wang", TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    assertThat(page.locator("html")).hasAttribute("lang", language);
                    browser.visit("/pools", "pools");
                    browser.visit("/pools/" + pool, "pool-records");
                    assertThat(page.locator("body")).not().containsText("??");
                    browser.visit("/pools/return/customer/" + kept, "pool-return");
                    browser.visit("/o/customer/" + first, "pool-record-detail");
                    assertThat(browser.browserErrors()).isEmpty();
                }
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    browser.visit("/admin/pools", "pool-settings");
                    browser.visit("/admin/pools/" + pool, "pool-settings-form");
                    assertThat(page.locator("body")).not().containsText("??");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }
}
