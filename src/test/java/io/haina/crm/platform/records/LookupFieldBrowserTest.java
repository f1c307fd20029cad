package io.haina.crm.platform.records;

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

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.haina.crm.platform.customize.ObjectCustomization;
import io.haina.crm.platform.metadata.CustomFieldKind;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * An administrator adds a lookup field "替代产品" to Products and, on the product form, finds
 * another product by typing part of its Chinese name and picks it with the keyboard; the detail
 * page links to it. Screenshots of the field's pages in both languages, wide and on a phone.
 */
@HainaIntegrationTest
class LookupFieldBrowserTest {

    static final String FIELD = "cf_replacement_product";
    static final String BOX = "#field-" + FIELD;

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    ObjectCustomization customization;

    long admin;
    long server;
    long printer;

    @BeforeEach
    void company() {
        admin = org.admin();
        server = records.create(admin, "product", Map.of("name", "海纳服务器 X1", "code", "SRV-X1")).id();
        printer = records.create(admin, "product", Map.of("name", "海纳打印机 P2", "code", "PRN-P2")).id();
        records.create(admin, "product", Map.of("name", "年度维保服务", "code", "SVC-AMC"));
    }

    @Test
    void anAdministratorAddsALookupFieldAndAProductPointsAtAnotherByKeyboard() {
        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
            browser.open("/admin/objects/product");
            assertThat(page.locator("#target")).isHidden();
            page.fill("#labelZh", "替代产品");
            page.fill("#labelEn", "Replacement product");
            page.selectOption("#kind", "LOOKUP");
            assertThat(page.locator("#options")).isHidden();
            assertThat(page.locator("#target")).isVisible();
            browser.choose("#target", "产品");
            page.click("#add-field-submit");
            assertThat(page.locator("#notice")).containsText("字段已添加");
            assertThat(page.locator("#field-" + FIELD)).containsText("关联记录 → 产品");

            browser.open("/o/product/new");
            page.fill("#field-name", "海纳服务器 X2");
            page.locator(BOX).pressSequentially("服务器");
            Locator choices = page.locator(BOX + "-choices [role=option]");
            assertThat(choices).hasCount(1);
            assertThat(choices.first()).containsText("海纳服务器 X1");
            assertThat(choices.first()).containsText("SRV-X1");
            assertThat(page.locator(BOX)).hasAttribute("aria-expanded", "true");
            page.keyboard().press("ArrowDown");
            assertThat(choices.first()).hasAttribute("aria-selected", "true");
            page.keyboard().press("Enter");
            assertThat(page.locator(BOX + "-choices")).isEmpty();
            assertThat(page.locator(BOX)).hasValue("海纳服务器 X1");
            assertThat(page.locator("input[name=" + FIELD + "]")).hasValue(String.valueOf(server));
            // Enter took the choice; it did not send the form.
            assertThat(page).hasURL(Pattern.compile("/o/product/new$"));
            page.click("#record-save");

            Locator shown = page.locator("dd[data-field=" + FIELD + "] a");
            assertThat(shown).hasText("海纳服务器 X1");
            assertThat(shown).hasAttribute("href", "/o/product/" + server);

            page.click("#record-edit");
            assertThat(page.locator(BOX)).hasValue("海纳服务器 X1");
            page.locator(BOX).fill("");
            page.locator(BOX).pressSequentially("打印");
            assertThat(page.locator(BOX + "-choices [role=option]")).hasCount(1);
            page.keyboard().press("Escape");
            assertThat(page.locator(BOX + "-choices")).isEmpty();
            page.keyboard().press("Escape");
            // A second Escape puts back the record chosen before.
            assertThat(page.locator(BOX)).hasValue("海纳服务器 X1");
            page.click(BOX + " ~ [data-lookup-clear]");
            assertThat(page.locator(BOX)).hasValue("");
            assertThat(page.locator("input[name=" + FIELD + "]")).hasValue("");
            page.locator(BOX).pressSequentially("打印");
            page.locator(BOX + "-choices [role=option]").first().click();
            assertThat(page.locator("input[name=" + FIELD + "]")).hasValue(String.valueOf(printer));
            page.click("#record-save");
            assertThat(page.locator("dd[data-field=" + FIELD + "] a")).hasText("海纳打印机 P2");
            page.click("#tab-history-button");
            assertThat(page.locator("#record-history")).containsText("海纳服务器 X1");

            browser.open("/o/product?cols=name,code," + FIELD + "&filter=" + FIELD + "%20eq%20" + printer);
            assertThat(page.locator("#record-table tbody tr")).hasCount(1);
            assertThat(page.locator("#record-table tbody a[data-lookup-link]")).hasText("海纳打印机 P2");
            assertThat(page.locator("#filter-rows " + "#filter-0-lookup")).hasValue("海纳打印机 P2");
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void tourOfTheLookupFieldInBothLanguagesOnAWideAndAPhoneScreen() {
        customization.addCustomField(admin, "product", "替代产品", "Replacement product", CustomFieldKind.LOOKUP,
                List.of(), "product");
        RecordData successor = records.create(admin, "product", Map.of("name", "海纳服务器 X2", "code", "SRV-X2",
                FIELD, String.valueOf(server)));
        records.update(admin, "product", successor.id(), successor.version(), Map.of(FIELD, String.valueOf(printer)));
        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    browser.open("/admin/objects/product");
                    page.selectOption("#kind", "LOOKUP");
                    browser.screenshot("lookup-admin");

                    browser.visit("/o/product/" + successor.id() + "/edit", "lookup-form");
                    page.locator(BOX).fill("");
                    page.locator(BOX).pressSequentially("海纳");
                    assertThat(page.locator(BOX + "-choices [role=option]")).hasCount(3);
                    page.keyboard().press("ArrowDown");
                    page.keyboard().press("ArrowDown");
                    browser.screenshot("lookup-form-choices");
                    page.keyboard().press("Escape");

                    browser.visit("/o/product/" + successor.id(), "lookup-detail");
                    page.click("#tab-history-button");
                    assertThat(page.locator("#tab-history")).hasClass(Pattern.compile("\\bshow\\b"));
                    assertThat(page.locator("#record-history")).containsText("海纳打印机 P2");
                    browser.screenshot("lookup-history");
                    browser.visit("/o/product?cols=name,code," + FIELD + "&filter=" + FIELD + "%20eq%20" + printer, "lookup-list");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }
}
