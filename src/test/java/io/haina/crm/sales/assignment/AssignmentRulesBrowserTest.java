package io.haina.crm.sales.assignment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import io.haina.crm.platform.records.EntryChannel;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.sales.pool.PoolDraft;
import io.haina.crm.sales.pool.PoolMember;
import io.haina.crm.sales.pool.PoolSettings;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * In the browser: an administrator writes a rule on the form (mistakes said at the fields), puts
 * a second rule first with the arrows, and a lead from the API goes where the rules say; then a
 * tour of the rules page and form in both languages, wide and on a phone.
 */
@HainaIntegrationTest
class AssignmentRulesBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    SystemRecords system;
    @Autowired
    AssignmentRules rules;
    @Autowired
    PoolSettings pools;

    long admin;
    long east;
    long wang;
    long li;
    long marketer;

    @BeforeEach
    void team() {
        admin = org.admin();
        east = org.department("华东销售部", null);
        long rep = org.role("销售代表").worksOwn("lead").create();
        wang = org.user("wang", "王小明", east, null, rep);
        li = org.user("li", "李娜", east, null, rep);
        marketer = org.user("zhou", "周市场", null, null, rep);
    }

    @Test
    void anAdministratorWritesRulesOnTheFormAndPutsTheSecondFirst() {
        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
            browser.open("/admin/assignment-rules");
            page.click("#rule-new");
            // The department's list shows only for department targets.
            assertThat(page.locator("#targetDepartmentId")).isVisible();
            assertThat(page.locator("#targetUserId")).isHidden();
            page.fill("#followUpHours", "24");
            page.click("#rule-save");
            assertThat(page.locator("#name-error")).hasText("必填。");
            assertThat(page.locator("#targetDepartmentId ~ .invalid-feedback")).hasText("请选择部门");

            page.fill("#name", "华东官网线索");
            page.fill("#regions", "华东、北京");
            page.click("label[for=sources-website]");
            browser.choose("#targetDepartmentId", "华东销售部");
            page.click("#rule-save");
            assertThat(page.locator("#notice")).containsText("规则已保存");
            assertThat(page.locator("[data-rule='华东官网线索']")).containsText("华东、北京 · 官网");
            assertThat(page.locator("[data-rule='华东官网线索']")).containsText("华东销售部 成员轮流分配");
            assertThat(page.locator("[data-rule='华东官网线索']")).containsText("24 小时内须首次跟进");

            page.click("#rule-new");
            page.fill("#name", "其余线索给李娜");
            page.selectOption("#targetKind", "USER");
            assertThat(page.locator("#targetDepartmentId")).isHidden();
            browser.choose("#targetUserId", "李娜");
            page.click("#rule-save");
            assertThat(page.locator("#rule-list > li")).hasCount(2);

            page.click("[data-move-up='其余线索给李娜']");
            assertThat(page.locator("#rule-list > li").first()).hasAttribute("data-rule", "其余线索给李娜");
            assertThat(page.locator("[data-move-up='其余线索给李娜']")).isDisabled();
            assertThat(browser.browserErrors()).isEmpty();
        }
        long lead = records.create(marketer, "lead", Map.of("name", "上海访客", "region", "上海", "source", "website"),
                EntryChannel.API).id();
        assertThat(system.read("lead", lead).orElseThrow().ownerId()).isEqualTo(li);
    }

    @Test
    void tourOfTheRulesPagesInBothLanguagesOnAWideAndAPhoneScreen() {
        long pool = pools.create(admin, new PoolDraft("lead", "华东线索池", null, true, null, null, null, false, null,
                List.of(PoolMember.department(east), PoolMember.user(wang, true)), List.of()));
        AssignmentRule first = rules.create(admin, new AssignmentRuleDraft("华东官网线索", true,
                new LeadConditions(List.of("华东"), List.of("it", "manufacturing"), List.of("101_500"), List.of("website"),
                        List.of()), AssignmentRule.Target.roundRobin(east), 24, EndAction.REASSIGN, null));
        rules.create(admin, new AssignmentRuleDraft("Exhibition leads for the least loaded rep", true,
                new LeadConditions(List.of(), List.of(), List.of(), List.of("exhibition"), List.of()),
                AssignmentRule.Target.leastLoaded(east), 48, EndAction.RETURN_TO_POOL, pool));
        rules.create(admin, new AssignmentRuleDraft("购买名单进线索池", false,
                new LeadConditions(List.of(), List.of(), List.of(), List.of("purchased_list"), List.of()),
                AssignmentRule.Target.pool(pool), null, null, null));

        long lead = records.create(wang, "lead", Map.of("name", "上海云帆网络有限公司", "company", "上海云帆网络有限公司",
                "region", "上海市 浦东新区", "source", "website")).id();
        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    assertThat(page.locator("html")).hasAttribute("lang", language);
                    browser.visit("/admin/assignment-rules", "assignment-rules");
                    browser.visit("/admin/assignment-rules/" + first.id(), "assignment-rule-form");
                    browser.visit("/o/lead/" + lead, "assignment-lead-detail");
                    assertThat(page.locator("#record-action-assign")).isVisible();
                    browser.visit("/assign/lead/" + lead, "assignment-assign");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }
}
