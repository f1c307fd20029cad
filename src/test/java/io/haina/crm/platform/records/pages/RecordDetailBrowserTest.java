package io.haina.crm.platform.records.pages;

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

import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.SameCategoryProducts;
import io.haina.crm.testsupport.TestOrg;

/**
 * A salesperson opens a product and reads its header, sections and related list; enters a product
 * that already exists under a slightly different spelling, is warned with a link to it, and saves
 * anyway. Screenshots of the detail page, its related tab and the warning, in both languages, wide
 * and on a phone.
 */
@HainaIntegrationTest
class RecordDetailBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    SameCategoryProducts sameCategory;

    long repId;

    @BeforeEach
    void company() {
        org.admin();
        long role = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.DELETE).create();
        repId = org.user("wang.xm", "王小明", null, null, role);
        sameCategory.arm();
    }

    @Test
    void aRepReadsAProductsHeaderSectionsAndRelatedListAndTheTabSurvivesAReload() {
        long server = product("海纳服务器 X9 Pro", "SRV-X9P", "1234567.8");
        product("网络交换机 24 口千兆", "NET-SW24", "3280");

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("wang.xm", TestOrg.PASSWORD);
            browser.open("/o/product/" + server);

            assertThat(page.locator("#record-name")).hasText("海纳服务器 X9 Pro");
            assertThat(page.locator("[data-highlight=code] dd")).hasText("SRV-X9P");
            assertThat(page.locator("[data-highlight=list_price] dd")).hasText("¥1,234,567.80");
            assertThat(page.locator("[data-highlight=owner_id] dd")).hasText("王小明");
            assertThat(page.locator("#section-pricing h3")).hasText("价格");
            assertThat(page.locator("#section-pricing [data-field=cost]")).hasText("¥980,000.00");

            page.click("#tab-related-button");
            Locator related = page.locator("#related-" + SameCategoryProducts.KEY);
            assertThat(related.locator("[data-related-count]")).hasText("2");
            assertThat(related.locator(".haina-related-rows li")).hasCount(2);
            assertThat(page).hasURL(Pattern.compile("#tab-related$"));
            page.reload();
            assertThat(page.locator("#tab-related")).hasClass(Pattern.compile("(^|\\s)active(\\s|$)"));
            related.locator("a", new Locator.LocatorOptions().setHasText("网络交换机 24 口千兆")).click();
            assertThat(page.locator("#record-name")).hasText("网络交换机 24 口千兆");
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void aProductThatAlreadyExistsUnderAnotherSpellingIsFlaggedAndStillSaves() {
        long existing = product("海纳服务器 X1", "SRV-X1", "12999.5");

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("wang.xm", TestOrg.PASSWORD);
            browser.open("/o/product/new");
            page.fill("#field-name", "海纳服务器x1 ");
            page.press("#field-name", "Tab");

            Locator warning = page.locator("#duplicate-warning");
            assertThat(warning).containsText("可能重复：已有 1 条相似记录");
            assertThat(warning).containsText("产品名称相同");
            assertThat(warning.locator("a")).hasAttribute("href", "/o/product/" + existing);

            page.click("#record-save");
            assertThat(page).hasURL(Pattern.compile("/o/product/\\d+$"));
            assertThat(page.locator("#notice")).containsText("已创建");
            assertThat(page.locator("#record-name")).hasText("海纳服务器x1");
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void tourOfTheDetailPageInBothLanguagesOnAWideAndAPhoneScreen() {
        long server = product("海纳服务器 X9 Pro 双路机架式服务器（含三年原厂质保）", "SRV-X9P", "1234567.8");
        product("网络交换机 24 口千兆", "NET-SW24", "3280");
        product("UPS 不间断电源 3kVA", "PWR-UPS3", "6800");
        product("Rack Mount Kit 2U", "ACC-RMK2", "450");

        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn("wang.xm", TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    assertThat(page.locator("html")).hasAttribute("lang", language);

                    browser.visit("/o/product/" + server, "record-detail");
                    browser.open("/o/product/" + server + "#tab-related");
                    assertThat(page.locator("#related-" + SameCategoryProducts.KEY + " .haina-related-rows li")).hasCount(4);
                    page.waitForFunction("() => getComputedStyle(document.querySelector('#tab-related')).opacity === '1'");
                    browser.screenshot("record-related");

                    browser.open("/o/product/new");
                    page.fill("#field-name", "网络交换机24口千兆");
                    page.press("#field-name", "Tab");
                    assertThat(page.locator("#duplicate-warning")).isVisible();
                    assertThat(page.locator("body")).not().containsText("??");
                    browser.screenshot("record-form-duplicate");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }

    private long product(String name, String code, String price) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("code", code);
        input.put("category", "hardware");
        input.put("unit", "台");
        input.put("list_price", price);
        input.put("cost", "980000");
        input.put("description", "双路处理器，256 GB 内存，8 块 4 TB 硬盘。\n含三年原厂质保。");
        return records.create(repId, "product", input).id();
    }
}
