package io.haina.crm.platform.activity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestOrg;

/**
 * A salesperson writes a follow-up in a few keystrokes — on the customer's timeline (Ctrl+Enter)
 * and from a row of the customer list — and sees it at the top of the timeline; then the to-do
 * inbox, tasks and calendar. Screenshots in both languages, wide and on a phone.
 */
@HainaIntegrationTest
class ActivityBrowserTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    FollowUps followUps;
    @Autowired
    Tasks tasks;
    @Autowired
    MutableClock clock;

    long wang;
    RecordData customer;

    @BeforeEach
    void company() {
        org.admin();
        long repRole = org.role("销售")
                .grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT)
                .grant("contact", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE).create();
        long managerRole = org.role("经理").grant("customer", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW).create();
        long manager = org.user("zhao", "赵经理", null, null, managerRole);
        wang = org.user("wang", "王小明", null, manager, repRole);
        customer = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司", "level", "a"));
        records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(customer.id())));
        records.create(wang, "contact", Map.of("name", "刘洋", "customer_id", String.valueOf(customer.id())));
        RecordData other = records.create(wang, "customer", Map.of("name", "杭州云帆网络科技有限公司"));
        followUps.add(wang, "customer", other.id(), new FollowUpDraft("call", "约好今天下午回电", List.of(), null,
                now().plusHours(3).toString()), SHANGHAI);
        followUps.add(wang, "customer", customer.id(), new FollowUpDraft("wechat", "微信发送了产品白皮书和报价单。\n客户说下周内部评审。",
                List.of(), now().minusDays(1).toString(), null), SHANGHAI);
        followUps.comment(manager, followUps.of(wang, "customer", customer.id(), Timeline.Cursor.START.at(), Long.MAX_VALUE, 1)
                .getFirst().id(), "评审前把技术方案也发过去");
        tasks.create(wang, new TaskDraft("准备投标文件", null, now().minusHours(5).toString(), null, null, "high", null, null), SHANGHAI);
        tasks.create(wang, new TaskDraft("回访杭州云帆", null, now().plusDays(2).toString(), null, null, null, null, null), SHANGHAI);
        // The clock stands still in tests: move on a little, so what the test writes comes after the setting up.
        clock.advance(java.time.Duration.ofMinutes(1));
    }

    @Test
    void aFollowUpIsWrittenOnTheTimelineWithCtrlEnterAndFromAListRow() {
        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : List.of(Screen.WIDE, Screen.NARROW)) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn("wang", TestOrg.PASSWORD);
                    browser.open("/o/customer/" + customer.id());
                    assertThat(page.locator("#tab-timeline-button")).hasClass(java.util.regex.Pattern.compile("active"));
                    assertThat(page.locator("#fu-form")).isVisible();
                    page.click("label[for=fu-kind-visit]");
                    page.click("label[for=fu-contact-" + contactId("张伟") + "]");
                    page.fill("#fu-content", "上门演示新版（" + language + "/" + screen + "），客户关心交付周期");
                    page.locator("#fu-content").press("Control+Enter");
                    assertThat(page.locator("#timeline-entries li").first()).containsText("客户关心交付周期");
                    assertThat(page.locator("#timeline-entries li").first()).containsText("张伟");
                    assertThat(page.locator("#fu-content")).hasValue("");
                    browser.screenshot("activity-timeline");

                    browser.open("/o/customer");
                    page.locator("tr[data-id='" + customer.id() + "'] [data-row-action=follow-up]").click();
                    assertThat(page.locator("#quick-form")).isVisible();
                    page.fill("#quick-content", "电话确认了演示时间");
                    browser.screenshot("activity-quick-follow-up");
                    page.click("#quick-submit");
                    assertThat(page.locator("#quick-follow-up-saved")).isVisible();
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
        assertThat(followUps.of(wang, "customer", customer.id(), Timeline.Cursor.START.at(), Long.MAX_VALUE, 20)).hasSize(9);
    }

    @Test
    void theInboxTasksAndCalendarReadWellInBothLanguagesWideAndOnAPhone() {
        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : List.of(Screen.WIDE, Screen.NARROW)) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn("wang", TestOrg.PASSWORD);
                    browser.visit("/todo", "activity-todo");
                    assertThat(page.locator("#todo-follow-ups-due")).containsText("杭州云帆网络科技有限公司");
                    assertThat(page.locator("#todo-tasks-overdue")).containsText("准备投标文件");
                    browser.visit("/tasks", "activity-tasks");
                    browser.visit("/tasks/new", "activity-task-form");
                    browser.visit("/calendar", "activity-calendar-month");
                    browser.visit("/calendar?view=week", "activity-calendar-week");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }

    @Autowired
    io.haina.crm.platform.records.RecordFinder finder;

    private long contactId(String name) {
        return finder.list(wang, "contact", io.haina.crm.platform.records.RecordListRequest.of(name, null, null, null, null, 5))
                .items().getFirst().id();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
