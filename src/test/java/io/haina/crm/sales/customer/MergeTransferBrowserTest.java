package io.haina.crm.sales.customer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import io.haina.crm.platform.activity.FollowUpDraft;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.activity.TaskDraft;
import io.haina.crm.platform.activity.Tasks;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.org.UserAdminService;
import io.haina.crm.platform.security.org.UserStatus;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * In the browser: a rep merges two spellings of one company from the customer's page (picked
 * among its possible duplicates, a value taken from the other), and reaches the merge from the
 * duplicate warning of the edit form; transfers customers from the list's bulk bar; an
 * administrator hands a resigned rep's book over. Screenshots of the merge pages, the transfer
 * dialog and page and the handover page, in both languages, wide and on a phone.
 */
@HainaIntegrationTest
class MergeTransferBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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
    UserAdminService userAdmin;

    long admin;
    long wang;
    long li;

    @BeforeEach
    void team() {
        admin = org.admin();
        long east = org.department("华东区", null);
        long rep = org.role("销售代表")
                .grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT, ObjectAction.DELETE,
                        ObjectAction.TRANSFER)
                .grant("contact", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT)
                .grant("lead", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT).create();
        wang = org.user("wang", "王小明", east, null, rep);
        li = org.user("li", "李娜", east, null, rep);
    }

    @Test
    void aRepMergesTwoSpellingsOfOneCompanyFromItsPage() {
        RecordData kept = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司", "level", "a", "industry", "it"));
        RecordData gone = records.create(wang, "customer", Map.of("name", "（北京）海纳科技有限公司", "level", "b",
                "phone", "010-8888 6666"));
        RecordData contact = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(gone.id())));
        followUps.add(wang, "customer", gone.id(), new FollowUpDraft("call", "聊了明年的预算", List.of(), null, null), SHANGHAI);

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            page.onDialog(dialog -> dialog.accept());
            browser.signIn("wang", TestOrg.PASSWORD);
            browser.open("/o/customer/" + kept.id());
            page.click("#record-action-merge");
            assertThat(page.locator("[data-candidate='" + gone.id() + "']")).containsText("（北京）海纳科技有限公司");
            page.click("#merge-with-" + gone.id());
            assertThat(page.locator("#merge-kept")).containsText("北京海纳科技有限公司");
            // The kept record has no phone: the other's is offered by default; its level is kept unless chosen.
            assertThat(page.locator("#choice-phone-other")).isChecked();
            assertThat(page.locator("#choice-level-this")).isChecked();
            page.click("label[for=choice-level-other]");
            page.click("#merge-submit");

            assertThat(page).hasURL(Pattern.compile("/o/customer/" + kept.id() + "$"));
            assertThat(page.locator("#notice")).containsText("已合并");
            assertThat(page.locator("[data-highlight=level] dd")).containsText("B");
            assertThat(page.locator("[data-field=phone]")).hasText("010-8888 6666");
            assertThat(page.locator("#record-history [data-merged-from]").first()).containsText("（北京）海纳科技有限公司");
            assertThat(browser.browserErrors()).isEmpty();
        }
        assertThat(records.read(wang, "contact", contact.id()).get("customer_id")).isEqualTo(kept.id());
    }

    @Test
    void theNameIsCheckedOnTheFormsAndTheEditFormsWarningLeadsToTheMerge() {
        RecordData haina = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        RecordData other = records.create(wang, "customer", Map.of("name", "上海云帆网络有限公司"));

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("wang", TestOrg.PASSWORD);
            browser.open("/o/customer/new");
            page.fill("#field-name", "（北京）海纳科技有限公司");
            page.press("#field-name", "Tab");
            assertThat(page.locator("#duplicate-warning")).containsText("北京海纳科技有限公司");
            assertThat(page.locator("#duplicate-warning [data-merge-with]")).hasCount(0);

            browser.open("/o/customer/" + other.id() + "/edit");
            page.fill("#field-name", "北京海纳科技");
            page.locator("#field-name").blur();
            assertThat(page.locator("[data-merge-with='" + haina.id() + "']")).hasAttribute("href",
                    "/o/customer/" + other.id() + "/merge?with=" + haina.id());
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void aRepTransfersTickedCustomersFromTheListWithTheirContacts() {
        RecordData haina = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        RecordData yunfan = records.create(wang, "customer", Map.of("name", "上海云帆网络有限公司"));
        records.create(wang, "customer", Map.of("name", "杭州西湖数据服务有限公司"));
        RecordData zhang = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(haina.id())));

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            page.onDialog(dialog -> dialog.accept());
            browser.signIn("wang", TestOrg.PASSWORD);
            browser.open("/o/customer");
            assertThat(page.locator("#bulk-action option[value=owner]")).hasCount(0);
            assertThat(page.locator("#bulk-form")).isHidden();
            page.check("tr[data-id='" + haina.id() + "'] input[name=ids]");
            assertThat(page.locator("#bulk-form")).isVisible();
            page.check("tr[data-id='" + yunfan.id() + "'] input[name=ids]");
            page.click("#list-action-transfer-open");
            assertThat(page.locator("#transfer-what")).containsText("2");
            browser.choose("#transfer-to", "李娜");
            page.click("#transfer-submit");

            assertThat(page).hasURL(Pattern.compile("/o/customer$"));
            assertThat(page.locator("#notice")).containsText("已转移");
            assertThat(page.locator("#record-table tbody tr")).hasCount(1);
            assertThat(browser.browserErrors()).isEmpty();
        }
        assertThat(records.read(li, "customer", yunfan.id()).ownerId()).isEqualTo(li);
        assertThat(records.read(li, "contact", zhang.id()).ownerId()).isEqualTo(li);
    }

    @Test
    void tourOfTheMergeTransferAndHandoverPagesInBothLanguagesOnAWideAndAPhoneScreen() {
        RecordData kept = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司", "level", "a", "industry", "it",
                "status", "intention", "website", "https://haina.example.com"));
        RecordData gone = records.create(wang, "customer", Map.of("name", "（北京）海纳科技有限公司", "level", "key",
                "phone", "010-8888 6666", "email", "info@haina.example.com", "region", "北京/北京市/海淀区",
                "address", "北京市海淀区中关村大街 1 号海纳大厦 12 层", "industry", "finance"));
        records.create(wang, "customer", Map.of("name", "北京海纳科技", "phone", "010-6666 8888"));
        records.create(wang, "customer", Map.of("name", "Shenzhen Bright Future Electronics Co., Ltd."));
        for (int i = 0; i < 3; i++) {
            records.create(wang, "contact", Map.of("name", "联系人" + i, "customer_id", String.valueOf(gone.id())));
        }
        tasks.create(wang, new TaskDraft("发报价单", null, OffsetDateTime.now().plusDays(1).toString(), null, null, null,
                "customer", String.valueOf(gone.id())), SHANGHAI);
        long sun = org.user("sun", "孙丽", null, null, org.role("老销售").grant("customer", ScopeLevel.SELF, ObjectAction.VIEW,
                ObjectAction.CREATE).grant("contact", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE).create());
        for (int i = 0; i < 4; i++) {
            RecordData hers = records.create(sun, "customer", Map.of("name", "孙丽的客户" + i));
            records.create(sun, "contact", Map.of("name", "孙丽的联系人" + i, "customer_id", String.valueOf(hers.id())));
        }
        tasks.create(sun, new TaskDraft("回访客户", null, OffsetDateTime.now().plusDays(2).toString(), null, null, null, null, null), SHANGHAI);
        userAdmin.changeStatus(admin, sun, UserStatus.RESIGNED);

        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn("wang", TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    assertThat(page.locator("html")).hasAttribute("lang", language);
                    browser.visit("/o/customer/" + kept.id(), "customer-detail-actions");
                    browser.visit("/o/customer/" + kept.id() + "/merge", "merge-pick");
                    browser.visit("/o/customer/" + kept.id() + "/merge?with=" + gone.id(), "merge-compare");
                    browser.visit("/customers/transfer?ids=" + kept.id(), "transfer-page");
                    browser.open("/o/customer");
                    page.check("[data-select-all]");
                    page.click("#list-action-transfer-open");
                    assertThat(page.locator("#transfer-form")).isVisible();
                    page.waitForTimeout(400); // the dialog's fade-in
                    browser.screenshot("transfer-dialog");
                    assertThat(page.locator("body")).not().containsText("??");
                    assertThat(browser.browserErrors()).isEmpty();
                }
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    browser.visit("/org/users/" + sun, "user-resigned");
                    assertThat(page.locator("#user-handover-open")).isVisible();
                    browser.visit("/org/users/" + sun + "/handover", "handover");
                    assertThat(page.locator("#handover-total")).hasText("9");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }
}
