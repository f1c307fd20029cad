package io.haina.crm.sales.product;

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
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.Chromium;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * A sales manager narrows the product list with the filter builder, keeps it as a view, picks
 * columns and switches scenes; screenshots of the list tools in both languages, wide and phone.
 */
@HainaIntegrationTest
class ProductListBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;

    long managerId;
    long repId;

    @BeforeEach
    void company() {
        org.admin();
        long managerRole = org.role("销售经理").grant("product", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW,
                ObjectAction.CREATE).create();
        managerId = org.user("zhang.jl", "张经理", null, null, managerRole);
        repId = org.user("wang.xm", "王小明", null, managerId, managerRole);
        product(repId, "海纳 CRM 标准版", "CRM-STD", "software", "3000");
        product(repId, "海纳 CRM 企业版", "CRM-ENT", "software", "128000");
        product(repId, "数据备份软件", "SW-BAK", "software", "499");
        product(managerId, "海纳服务器 X1", "SRV-X1", "hardware", "12999");
        product(managerId, "实施服务", "SVC-INST", "service", "800");
    }

    @Test
    void aManagerFiltersSavesAViewPicksColumnsAndSwitchesScenes() {
        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("zhang.jl", TestOrg.PASSWORD);
            browser.open("/o/product");
            assertThat(page.locator("#record-table tbody tr")).hasCount(5);

            page.click("#filter-toggle");
            addCondition(page, 0);
            redraw(page, () -> page.selectOption("select[name='f0.field']", "category"));
            assertThat(page.locator("select[name='f0.v'] option[value=software]")).hasCount(1);
            page.selectOption("select[name='f0.v']", "software");
            addCondition(page, 1);
            redraw(page, () -> page.selectOption("select[name='f1.field']", "list_price"));
            assertThat(page.locator("select[name='f1.op'] option[value=gt]")).hasCount(1);
            redraw(page, () -> page.selectOption("select[name='f1.op']", "gt"));
            assertThat(page.locator("input[name='f1.v']")).isVisible();
            page.fill("input[name='f1.v']", "1000");
            page.click("#filter-apply");

            assertThat(page.locator("#record-table tbody tr")).hasCount(2);
            assertThat(page.locator("#record-table")).containsText("海纳 CRM 企业版");
            assertThat(page.locator("#record-table")).not().containsText("数据备份软件");
            assertThat(page.locator("#filter-text")).hasValue("category eq 'software' and list_price gt '1000'");

            page.click("#view-bar-save-new");
            page.fill("#view-name", "贵的软件");
            page.click("#view-submit");
            assertThat(page.locator("#notice")).containsText("视图已保存");
            assertThat(page.locator("#view-menu")).containsText("贵的软件");
            assertThat(page.locator("#record-table tbody tr")).hasCount(2);

            page.click("#columns-menu");
            page.check("#col-owner_id");
            page.uncheck("#col-code");
            page.click("#columns-apply");
            assertThat(page.locator("th[data-column=owner_id]")).containsText("负责人");
            assertThat(page.locator("th[data-column=code]")).hasCount(0);
            assertThat(page.locator("#record-table tbody")).containsText("王小明");
            assertThat(page.locator("#view-bar")).containsText("视图已修改");
            page.click("#view-bar-save");
            page.click("#view-submit");
            assertThat(page.locator("#view-bar")).hasCount(0);
            assertThat(page.locator("th[data-column=owner_id]")).hasCount(1);

            page.click("#view-menu");
            page.click("[data-scene=mine]");
            assertThat(page.locator("#record-table tbody tr")).hasCount(2);
            assertThat(page.locator("#record-table")).containsText("实施服务");
            page.click("#view-menu");
            page.click("[data-scene=subordinates]");
            assertThat(page.locator("#record-table tbody tr")).hasCount(3);

            browser.open("/o/product?filter=colour%20eq%20red");
            assertThat(page.locator("#filter-error")).containsText("没有名为“colour”的字段");
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void tourOfTheListToolsInBothLanguagesOnAWideAndAPhoneScreen() {
        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn("zhang.jl", TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    browser.visit("/o/product?filter=" + java.net.URLEncoder.encode(
                            "category in (software, hardware) and created_at during this_month and owner_id eq me",
                            java.nio.charset.StandardCharsets.UTF_8) + "&cols=name,category,list_price,owner_id", "products-list-filtered");
                    assertThat(page.locator("#filter-panel")).hasClass(Pattern.compile("show"));
                    assertThat(page.locator(".filter-row")).hasCount(3);
                    page.click("#view-menu");
                    browser.screenshot("products-list-views-menu");
                    page.keyboard().press("Escape");
                    page.click("#columns-menu");
                    browser.screenshot("products-list-columns");
                    browser.visit("/o/product/views/new?filter=category%20eq%20software", "products-view-form");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }

    /** Adds a builder row and waits until htmx has settled it (a change before that would go unheard). */
    private static void addCondition(Page page, int index) {
        redraw(page, () -> page.click("#filter-add"));
        page.waitForSelector("#filter-row-" + index);
    }

    /** Does what re-draws a builder row and waits for the new row to be in place and live. */
    private static void redraw(Page page, Runnable action) {
        page.waitForResponse(response -> response.url().contains("/filter-row"), action);
        page.waitForSelector("#filter-rows .htmx-added", new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        page.waitForSelector("#filter-rows .htmx-settling", new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    }

    private void product(long owner, String name, String code, String category, String price) {
        records.create(owner, "product", Map.of("name", name, "code", code, "category", category, "list_price", price));
    }
}
