package io.haina.crm;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import com.microsoft.playwright.Page;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.sales.assignment.AssignmentRule;
import io.haina.crm.sales.assignment.AssignmentRuleDraft;
import io.haina.crm.sales.assignment.AssignmentRules;
import io.haina.crm.sales.assignment.LeadConditions;
import io.haina.crm.sales.pool.PoolDraft;
import io.haina.crm.sales.pool.PoolMember;
import io.haina.crm.sales.pool.PoolRecycler;
import io.haina.crm.sales.pool.PoolReturns;
import io.haina.crm.sales.pool.PoolRule;
import io.haina.crm.sales.pool.PoolRuleKind;
import io.haina.crm.sales.pool.PoolSettings;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestOrg;

/**
 * A day (and a month) of a sales team, in the browser, in each language: the administrator puts
 * a web form up, a visitor's enquiry becomes a lead the assignment rule gives to a rep, the rep follows it up and
 * converts it, the customer is in the rep's list and in the manager's "my subordinates'", a
 * colleague's customer stays out of the rep's sight; a month without follow-up sends the customer
 * back to the public pool (the nightly job, run here on a controlled clock), the rep may not
 * reclaim it yet, a colleague claims it within the daily limit and the claim past the limit is
 * refused. Screenshots of each step.
 */
@HainaIntegrationTest
class ADayInSalesBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    static final int CLAIMS_PER_DAY = 2;
    static final int RECLAIM_BAR_DAYS = 30;

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    SystemRecords system;
    @Autowired
    PoolSettings pools;
    @Autowired
    PoolReturns returns;
    @Autowired
    PoolRecycler recycler;
    @Autowired
    MutableClock clock;
    @Autowired
    MessageSource messages;
    @Autowired
    AssignmentRules assignmentRules;

    long manager;
    long wang;
    long li;
    long zhao;
    long pool;

    @BeforeEach
    void salesTeam() {
        long admin = org.admin();
        long east = org.department("华东区", null);
        long rep = org.role("销售代表").worksOwn("lead", "customer", "contact").create();
        long managerRole = org.role("销售经理")
                .grant("lead", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW)
                .grant("customer", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW)
                .grant("contact", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW).create();
        manager = org.user("zhang", "张经理", east, null, managerRole);
        wang = org.user("wang", "王小明", east, manager, rep);
        li = org.user("li", "李娜", east, manager, rep);
        zhao = org.user("zhao", "赵强", east, manager, rep);
        pool = pools.create(admin, new PoolDraft("customer", "华东公海", "华东区无人跟进的客户", true, 3, CLAIMS_PER_DAY, 200, true,
                RECLAIM_BAR_DAYS, List.of(PoolMember.department(east), PoolMember.user(manager, true)),
                List.of(new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 30, null, true, true))));
        // New leads from the website go to 王小明.
        assignmentRules.create(admin, new AssignmentRuleDraft("官网线索", true, LeadConditions.ANY, AssignmentRule.Target.user(wang),
                null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aWebEnquiryBecomesACustomerThatReturnsToThePoolAndIsClaimedByAColleague(String language) {
        String hostedForm = aWebFormPutUpByTheAdministrator(language);
        RecordData colleagues = records.create(li, "customer", Map.of("name", "上海云帆网络有限公司", "level", "a"));

        // A visitor's enquiry.
        try (BrowserSession visitor = chromium.open(port, language, Screen.NARROW)) {
            Page page = visitor.page();
            page.navigate(hostedForm + "?utm_source=baidu&utm_campaign=spring");
            page.fill("#f-name", "陈静");
            page.fill("#f-company", "北京海纳科技有限公司");
            page.fill("#f-mobile", "13912345678");
            page.click("#web-form-submit");
            assertThat(page.locator("#web-form-thanks")).isVisible();
            visitor.screenshot("day-1-enquiry-sent");
        }

        // The rep finds the lead, follows it up and converts it.
        long customerId;
        try (BrowserSession browser = signedIn("wang", language)) {
            Page page = browser.page();
            browser.open("/o/lead");
            page.locator("#record-table tbody tr", new Page.LocatorOptions().setHasText("陈静")).locator("a").first().click();
            assertThat(page).hasURL(Pattern.compile("/o/lead/\\d+$"));
            assertThat(page.locator("[data-highlight=owner_id] dd")).hasText("王小明");
            page.fill("#fu-content", "电话沟通，客户想要下周演示");
            page.locator("#fu-content").press("Control+Enter");
            assertThat(page.locator("#timeline-entries li").first()).containsText("客户想要下周演示");
            browser.screenshot("day-2-lead-followed-up");

            page.click("#record-action-convert");
            assertThat(page.locator("#convert-customer")).containsText("北京海纳科技有限公司");
            browser.screenshot("day-3-convert");
            page.click("#convert-submit");
            assertThat(page).hasURL(Pattern.compile("/o/customer/\\d+$"));
            assertThat(page.locator("#notice")).containsText(t(language, "lead.convert.done"));
            customerId = Long.parseLong(page.url().replaceAll(".*/", ""));

            browser.open("/o/customer?scene=mine");
            assertThat(page.locator("#record-table tbody")).containsText("北京海纳科技有限公司");
            assertThat(page.locator("#record-table tbody")).not().containsText("上海云帆网络有限公司");
            browser.screenshot("day-4-my-customers");
            assertThat(browser.open("/o/customer/" + colleagues.id()).status()).isEqualTo(404);
            assertThat(browser.browserErrors()).isEmpty();
        }

        // The manager sees the new customer among the team's.
        try (BrowserSession browser = signedIn("zhang", language)) {
            Page page = browser.page();
            browser.open("/o/customer?scene=subordinates");
            assertThat(page.locator("#record-table tbody")).containsText("北京海纳科技有限公司");
            assertThat(page.locator("#record-table tbody")).containsText("上海云帆网络有限公司");
            browser.screenshot("day-5-manager-team-customers");
        }

        // A month passes: li keeps up with their customer, nobody calls 北京海纳 again.
        clock.advance(Duration.ofDays(31));
        system.stamp("customer", colleagues.id(), Map.of("last_follow_up_at", OffsetDateTime.now(clock)));
        assertThat(recycler.run().returned()).isEqualTo(1);
        assertThat(records.read(manager, "customer", customerId).ownerId()).isNull();
        for (String name : List.of("苏州金桥制造有限公司", "宁波东海物流有限公司")) {
            long id = records.create(zhao, "customer", Map.of("name", name)).id();
            returns.returnToPool(zhao, "customer", id, pool, "客户暂无需求");
        }

        try (BrowserSession browser = signedIn("wang", language)) {
            Page page = browser.page();
            browser.open("/o/customer/" + customerId);
            assertThat(page.locator("#record-history")).containsText(t(language, "pool.reason.NO_FOLLOW_UP", 30));
            assertThat(page.locator("#timeline-entries li").first()).containsText("华东公海");
            assertThat(page.locator("#timeline-entries li").first()).containsText("王小明");
            browser.screenshot("day-6-returned-timeline");
            browser.open("/pools/" + pool);
            page.click("[data-claim='" + customerId + "']");
            assertThat(page.locator(".alert-danger")).containsText(before("{1}", t(language, "pool.error.barred", RECLAIM_BAR_DAYS, "{1}")));
            browser.screenshot("day-6-reclaim-barred");
        }

        try (BrowserSession browser = signedIn("li", language)) {
            Page page = browser.page();
            browser.open("/pools/" + pool);
            assertThat(page.locator("#pool-table tbody tr")).hasCount(3);
            page.click("[data-claim='" + customerId + "']");
            assertThat(page.locator("#notice")).containsText(t(language, "pool.claimed"));
            browser.open("/pools/" + pool);
            page.locator("[data-claim]").first().click();
            assertThat(page.locator("#notice")).containsText(t(language, "pool.claimed"));
            browser.open("/pools/" + pool);
            page.locator("[data-claim]").first().click();
            assertThat(page.locator(".alert-danger")).containsText(t(language, "pool.error.daily-limit", CLAIMS_PER_DAY));
            assertThat(page.locator("#pool-table tbody tr")).hasCount(1);
            browser.screenshot("day-7-daily-limit");
            assertThat(browser.browserErrors()).isEmpty();
        }
        assertThat(records.read(li, "customer", customerId).ownerId()).isEqualTo(li);
    }

    /** The administrator designs the form in the browser and hands out its hosted address. */
    private String aWebFormPutUpByTheAdministrator(String language) {
        try (BrowserSession browser = signedIn(TestOrg.ADMIN, language)) {
            Page page = browser.page();
            browser.open("/admin/web-forms/new");
            page.fill("#name", "官网预约演示");
            page.fill("#title", "预约产品演示");
            page.fill("#thankYou", "感谢您的预约，顾问将在一个工作日内联系您。");
            page.click("#web-form-save");
            String hosted = page.inputValue("#hosted-url");
            assertThat(hosted).contains("/f/");
            return hosted;
        }
    }

    private BrowserSession signedIn(String username, String language) {
        BrowserSession browser = chromium.open(port, language, Screen.WIDE);
        browser.signIn(username, TestOrg.PASSWORD);
        browser.page().click("button[name=lang][value=" + language + "]");
        assertThat(browser.page().locator("html")).hasAttribute("lang", language);
        return browser;
    }

    private String t(String language, String key, Object... args) {
        return messages.getMessage(key, args, Locale.forLanguageTag(language));
    }

    private static String before(String marker, String text) {
        return text.substring(0, text.indexOf(marker)).strip();
    }
}
