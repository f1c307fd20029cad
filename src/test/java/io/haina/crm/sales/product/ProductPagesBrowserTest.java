package io.haina.crm.sales.product;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.haina.crm.platform.records.RecordData;
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
 * A sales rep keeps the product catalogue in the browser: creates a product through the form
 * (after a refused first try), edits it, finds it, sorts, deletes it; pages through a longer list
 * that never shows a colleague's products. Also screenshots of every product page in both
 * languages on a wide and a phone screen.
 */
@HainaIntegrationTest
class ProductPagesBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;

    long repId;
    long colleagueId;

    @BeforeEach
    void company() {
        org.admin();
        long sales = org.department("销售部", null);
        long role = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.DELETE).create();
        repId = org.user("wang.xm", "王小明", sales, null, role);
        colleagueId = org.user("li.hua", "李华", sales, null, role);
    }

    @Test
    void aRepCreatesEditsFindsSortsAndDeletesAProduct() {
        product(repId, "海纳打印机 P2", "PRN-P2", "hardware", "台", "1999");
        product(repId, "海纳云存储 年付", "CLD-S1", "subscription", "年", "36000");
        product(colleagueId, "李华的样机", "DEMO-LH", "hardware", "台", "1");

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("wang.xm", TestOrg.PASSWORD);
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("产品")).click();
            assertThat(page).hasURL(Pattern.compile("/o/product$"));
            assertThat(page.locator("h1")).hasText("产品");
            assertThat(page.locator("#record-total")).hasText("共 2 条");
            assertThat(page.locator("#record-table")).not().containsText("李华的样机");

            // A first try with no name and a price in words is refused at the fields, keeping what was typed.
            page.click("#record-new");
            assertThat(page).hasURL(Pattern.compile("/o/product/new$"));
            page.fill("#field-list_price", "一万");
            page.click("#record-save");
            assertThat(fieldError(page, "name")).hasText("必填。");
            assertThat(fieldError(page, "list_price")).hasText("请输入数字。");
            assertThat(page.locator("#field-name")).hasClass(Pattern.compile("is-invalid"));
            assertThat(page.locator("#field-list_price")).hasValue("一万");

            page.fill("#field-name", "海纳服务器 X1");
            page.fill("#field-code", "SRV-X1");
            browser.choose("#field-category", "硬件");
            page.fill("#field-unit", "台");
            page.fill("#field-list_price", "12,999.5");
            page.click("#record-save");
            assertThat(page).hasURL(Pattern.compile("/o/product/\\d+$"));
            assertThat(page.locator("#record-name")).hasText("海纳服务器 X1");
            assertThat(page.locator("[data-field=list_price]")).hasText("¥12,999.50");
            assertThat(page.locator("[data-field=category]")).hasText("硬件");
            assertThat(page.locator("[data-field=code]")).hasText("SRV-X1");
            assertThat(page.locator("[data-field=unit]")).hasText("台");

            // Edit the unit; the history tab shows the change.
            page.click("#record-edit");
            assertThat(page.locator("#field-name")).hasValue("海纳服务器 X1");
            page.fill("#field-unit", "套");
            page.click("#record-save");
            assertThat(page.locator("[data-field=unit]")).hasText("套");
            page.click("#tab-history-button");
            Locator history = page.locator("#record-history li");
            assertThat(history).hasCount(2);
            assertThat(history.first()).containsText("修改");
            assertThat(history.first()).containsText("王小明");
            assertThat(history.first()).containsText("单位");
            assertThat(history.first()).containsText("台 → 套");
            assertThat(history.last()).containsText("创建");
            String detail = browser.path();

            // Find it with the search box.
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("产品")).click();
            assertThat(page.locator("#record-total")).hasText("共 3 条");
            page.fill("#record-search input[name=q]", "服务器");
            page.press("#record-search input[name=q]", "Enter");
            assertThat(page.locator("#record-total")).hasText("共 1 条");
            assertThat(page.locator("#record-table tbody tr[data-id]")).hasCount(1);
            assertThat(page.locator("#record-table tbody tr[data-id] td:not(.haina-check-col)").first()).hasText("海纳服务器 X1");

            // Sort by price, cheapest first, then dearest first.
            page.fill("#record-search input[name=q]", "");
            page.press("#record-search input[name=q]", "Enter");
            assertThat(page.locator("#record-total")).hasText("共 3 条");
            Locator names = page.locator("#record-table tbody tr[data-id] td:nth-child(2)");
            page.locator("#record-table th a", new Page.LocatorOptions().setHasText("标准价格")).click();
            assertThat(page.locator("#record-table th[aria-sort=ascending]")).hasText("标准价格");
            assertThat(names).hasText(new String[] {"海纳打印机 P2", "海纳服务器 X1", "海纳云存储 年付"});
            page.locator("#record-table th a", new Page.LocatorOptions().setHasText("标准价格")).click();
            assertThat(page.locator("#record-table th[aria-sort=descending]")).hasText("标准价格");
            assertThat(names).hasText(new String[] {"海纳云存储 年付", "海纳服务器 X1", "海纳打印机 P2"});

            // Delete it, accepting the browser's question.
            page.locator("#record-table a", new Page.LocatorOptions().setHasText("海纳服务器 X1")).click();
            assertThat(page).hasURL(Pattern.compile(detail + "$"));
            String[] question = new String[1];
            page.onDialog(dialog -> {
                question[0] = dialog.message();
                dialog.accept();
            });
            page.click("#record-delete button[type=submit]");
            assertThat(page).hasURL(Pattern.compile("/o/product(\\?.*)?$"));
            assertThat(question[0]).isEqualTo("确定删除“海纳服务器 X1”吗？");
            assertThat(page.locator("#record-total")).hasText("共 2 条");
            assertThat(page.locator("#record-table")).not().containsText("海纳服务器 X1");
            assertThat(page.locator("#record-table")).containsText("海纳打印机 P2");
            assertThat(browser.open(detail).status()).isEqualTo(404);

            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void twentyFiveProductsAreShownTwentyAPageAndAColleaguesNever() {
        for (int i = 1; i <= 25; i++) {
            product(repId, String.format("配件 %02d", i), String.format("ACC-%02d", i), "other", "个", String.valueOf(i * 10));
        }
        product(colleagueId, "李华的样机", "DEMO-LH", "hardware", "台", "1");

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("wang.xm", TestOrg.PASSWORD);
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("产品")).click();
            Locator rows = page.locator("#record-table tbody tr[data-id]");
            assertThat(page.locator("#record-total")).hasText("共 25 条");
            assertThat(rows).hasCount(20);
            assertThat(page.locator("#page-first")).hasCount(0);
            List<String> first = rows.locator("td:nth-child(2)").allTextContents().stream().map(String::strip).toList();

            page.click("#page-next");
            assertThat(rows).hasCount(5);
            assertThat(page.locator("#page-next")).hasCount(0);
            assertThat(page.locator("#record-total")).hasText("共 25 条");
            List<String> second = rows.locator("td:nth-child(2)").allTextContents().stream().map(String::strip).toList();
            assertThat(second).doesNotContainAnyElementsOf(first);
            assertThat(new java.util.TreeSet<>(concat(first, second))).hasSize(25);
            assertThat(page.locator("body")).not().containsText("李华的样机");

            page.click("#page-first");
            assertThat(rows).hasCount(20);
            page.fill("#record-search input[name=q]", "样机");
            page.press("#record-search input[name=q]", "Enter");
            assertThat(page.locator("#record-empty")).hasText("没有找到符合条件的记录。");
            assertThat(page.locator("body")).not().containsText("李华的样机");
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void tourOfTheProductPagesInBothLanguagesOnAWideAndAPhoneScreen() {
        product(repId, "海纳服务器 X1", "SRV-X1", "hardware", "台", "12999.5");
        product(repId, "海纳打印机 P2", "PRN-P2", "hardware", "台", "1999");
        product(repId, "Haina Cloud Storage — annual plan, 10 TB with priority support", "CLD-S10T", "subscription", "year", "36000");
        product(repId, "客户关系管理软件 企业版（含 50 个用户许可证及一年免费升级服务）", "CRM-ENT-50", "software", "套", "128000");
        product(repId, "上门安装调试服务", "SVC-INST", "service", "次", "800");
        product(repId, "Rack Mount Kit 2U", "ACC-RMK2", "hardware", "pc", "450");
        product(repId, "网络交换机 24 口千兆", "NET-SW24", "hardware", "台", "3280");
        product(repId, "Annual maintenance contract", "SVC-AMC", "service", "year", "9600");
        product(repId, "数据备份软件 标准版", "SW-BAK", "software", "套", "4999");
        product(repId, "UPS 不间断电源 3kVA", "PWR-UPS3", "hardware", "台", "6800");
        product(repId, "Training day (on site)", "SVC-TRN", "service", "day", "3500");
        product(repId, "Cables & adapters", null, "other", null, "0.5");
        Map<String, String> full = new LinkedHashMap<>();
        full.put("name", "海纳服务器 X9 Pro");
        full.put("code", "SRV-X9P");
        full.put("category", "hardware");
        full.put("unit", "台");
        full.put("list_price", "1234567.8");
        full.put("cost", "980000");
        full.put("description", "双路处理器，256 GB 内存，8 块 4 TB 硬盘。\n含三年原厂质保。");
        RecordData server = records.create(repId, "product", full);
        records.update(repId, "product", server.id(), server.version(), Map.of("unit", "套", "list_price", "1199000", "category", "service"));

        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn("wang.xm", TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    assertThat(page.locator("html")).hasAttribute("lang", language);

                    browser.visit("/o/product", "products-list");
                    browser.visit("/o/product?q=zzz", "products-list-none");
                    browser.visit("/o/product/new", "products-form-new");
                    page.fill("#field-list_price", "一万");
                    page.click("#record-save");
                    assertThat(page.locator("#field-name")).hasClass(Pattern.compile("is-invalid"));
                    noUntranslatedKeys(page);
                    browser.screenshot("products-form");
                    browser.visit("/o/product/" + server.id(), "products-detail");
                    page.click("#tab-history-button");
                    assertThat(page.locator("#tab-history")).hasClass(Pattern.compile("(^|\\s)show(\\s|$)"));
                    assertThat(page.locator("#record-history li")).hasCount(2);
                    assertThat(page.locator("#record-history")).containsText("¥1,234,567.80 → ¥1,199,000.00");
                    page.waitForFunction("() => getComputedStyle(document.querySelector('#tab-history')).opacity === '1'");
                    browser.screenshot("products-history");
                    browser.visit("/o/product/" + server.id() + "/edit", "products-form-edit");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }

    private void product(long owner, String name, String code, String category, String unit, String price) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("name", name);
        if (code != null) {
            input.put("code", code);
        }
        input.put("category", category);
        if (unit != null) {
            input.put("unit", unit);
        }
        input.put("list_price", price);
        records.create(owner, "product", input);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static Locator fieldError(Page page, String field) {
        return page.locator("#field-" + field).locator("xpath=ancestor::div[contains(@class,'mb-3')][1]")
                .locator(".invalid-feedback");
    }

    private static void noUntranslatedKeys(Page page) {
        assertThat(page.locator("body")).not().containsText("??");
    }
}
