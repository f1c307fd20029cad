package io.haina.crm.platform.search;

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
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.Chromium;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * A rep finds a product from the top bar: suggestions appear while typing, grouped under the
 * object's name; the arrow keys and Enter open one; Enter in the box opens all results. Also
 * screenshots of the suggestions and the results page in both languages, wide and on a phone.
 */
@HainaIntegrationTest
class GlobalSearchBrowserTest {

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
        long role = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE).create();
        repId = org.user("wang.xm", "王小明", null, null, role);
        colleagueId = org.user("li.hua", "李华", null, null, role);
    }

    @Test
    void aRepTypesInTheTopBarSeesGroupedSuggestionsAndOpensOneWithTheKeyboard() {
        long server = product(repId, "北京海纳科技 服务器 X1", "SRV-X1");
        product(repId, "海纳打印机 P2", "PRN-P2");
        product(colleagueId, "李华的海纳样机", "DEMO-LH");
        product(repId, "ACME Router", "NET-ACME");

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("wang.xm", TestOrg.PASSWORD);
            Locator box = page.locator("#global-search-input");
            type(page, "海纳");

            Locator group = page.locator("#global-search-results .haina-search-group[data-object=product]");
            assertThat(group.locator(".haina-search-group-label")).containsText("产品");
            assertThat(group.locator(".haina-search-hit")).hasCount(2);
            assertThat(page.locator("#global-search-results")).not().containsText("李华的海纳样机");
            assertThat(box).hasAttribute("aria-expanded", "true");

            box.press("ArrowDown");
            assertThat(group.locator(".haina-search-hit").first()).isFocused();
            box.page().keyboard().press("ArrowDown");
            box.page().keyboard().press("ArrowUp");
            Locator first = group.locator(".haina-search-hit").first();
            assertThat(first).isFocused();
            String href = first.getAttribute("href");
            page.keyboard().press("Enter");
            assertThat(page).hasURL(Pattern.compile(href + "$")); // digits and slashes only
            assertThat(page.locator("#record-name")).isVisible();

            // "/" brings the cursor back to the box; Escape closes the suggestions and keeps the text.
            page.waitForLoadState();
            page.keyboard().press("/");
            assertThat(box).isFocused();
            type(page, "acme");
            assertThat(page.locator("#global-search-results .haina-search-hit")).hasCount(1);
            box.press("Escape");
            assertThat(page.locator("#global-search-results .haina-search-hit")).hasCount(0);
            assertThat(box).hasAttribute("aria-expanded", "false");
            assertThat(box).hasValue("acme");

            // Enter in the box opens every result; a click on one opens the record.
            box.press("Enter");
            assertThat(page).hasURL(Pattern.compile("/search\\?q=acme$"));
            assertThat(page.locator("#search-group-product")).containsText("ACME Router");
            page.fill("#search-page-form input[name=q]", "srv-x1");
            page.press("#search-page-form input[name=q]", "Enter");
            page.locator("#search-group-product a", new Page.LocatorOptions().setHasText("北京海纳科技")).click();
            assertThat(page).hasURL(Pattern.compile("/o/product/" + server + "$"));
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void tourOfTheSearchInBothLanguagesOnAWideAndAPhoneScreen() {
        product(repId, "北京海纳科技 服务器 X1", "SRV-X1");
        product(repId, "海纳打印机 P2", "PRN-P2");
        product(repId, "海纳云存储 年付（含 10 TB 空间及优先技术支持服务）", "CLD-S10T");
        for (int i = 1; i <= 6; i++) {
            product(repId, "海纳配件 " + i, "ACC-" + i);
        }

        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn("wang.xm", TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    assertThat(page.locator("html")).hasAttribute("lang", language);
                    Locator box = page.locator("#global-search-input");
                    assertThat(box).isVisible();
                    type(page, "海纳");
                    assertThat(page.locator("#global-search-results .haina-search-hit")).hasCount(5);
                    assertThat(page.locator("#global-search-results .haina-search-more")).isVisible();
                    assertThat(page.locator("#global-search-all")).isInViewport();
                    assertThat(page.locator("body")).not().containsText("??");
                    browser.screenshot("search-suggestions");

                    box.press("Enter");
                    page.waitForURL(Pattern.compile("/search\\?q="));
                    page.waitForLoadState();
                    page.evaluate("() => document.fonts.ready");
                    assertThat(page.locator("#search-group-product .list-group-item")).hasCount(9);
                    assertThat(page.locator("body")).not().containsText("??");
                    browser.screenshot("search-results");
                    browser.visit("/search?q=zzz", "search-results-none");
                    assertThat(page.locator("#search-empty")).isVisible();
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }

    /** Types into the top bar's box as a person would, and waits for the suggestions htmx asks for. */
    private static void type(Page page, String text) {
        String query = "q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
        page.waitForResponse(response -> response.url().contains("/search/suggestions?") && response.url().endsWith(query),
                () -> page.locator("#global-search-input").pressSequentially(text, new Locator.PressSequentiallyOptions().setDelay(30)));
    }

    private long product(long owner, String name, String code) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("code", code);
        return records.create(owner, "product", input).id();
    }
}
