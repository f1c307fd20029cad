package io.haina.crm.platform.customize;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.Chromium;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * An administrator adds a custom field to Products in the browser and, without a restart, it is
 * on the form, the list, the filter and the column picker; screenshots of the admin pages.
 */
@HainaIntegrationTest
class CustomizationBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;

    @BeforeEach
    void company() {
        org.admin();
    }

    @Test
    void anAdministratorAddsACustomFieldAndUsesItRightAway() {
        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
            page.click("a[href='/admin/objects']");
            page.click("#object-product");
            page.fill("#labelZh", "保修期");
            page.click("#add-field-submit");
            assertThat(page.locator("#labelEn")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
            page.fill("#labelEn", "Warranty");
            page.selectOption("#kind", "PICKLIST");
            page.fill("#options", "一年\n三年\n五年");
            page.click("#add-field-submit");
            assertThat(page.locator("#notice")).containsText("字段已添加");
            assertThat(page.locator("#field-cf_warranty")).containsText("保修期");

            browser.open("/o/product/new");
            page.fill("#field-name", "海纳服务器 X1");
            page.selectOption("#field-cf_warranty", "opt_2");
            page.click("#record-save");
            assertThat(page.locator("body")).containsText("三年");

            browser.open("/o/product");
            page.click("#columns-menu");
            page.check("#col-cf_warranty");
            page.click("#columns-apply");
            assertThat(page.locator("th[data-column=cf_warranty]")).containsText("保修期");
            assertThat(page.locator("#record-table tbody")).containsText("三年");
            browser.open("/o/product?filter=cf_warranty%20eq%20opt_1");
            assertThat(page.locator("#record-empty")).isVisible();
            assertThat(page.locator("select[name='f0.field'] option[value=cf_warranty]")).hasCount(1);

            browser.open("/admin/objects/product");
            page.click("#field-unit [data-action=required]");
            assertThat(page.locator("#field-unit")).containsText("必填");
            page.onDialog(dialog -> dialog.accept());
            page.click("#field-cf_warranty [data-action=active]");
            assertThat(page.locator("#notice")).containsText("数据已保留");
            browser.open("/o/product/new");
            assertThat(page.locator("#field-cf_warranty")).hasCount(0);
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void tourOfTheCustomizationPagesInBothLanguagesOnAWideAndAPhoneScreen() {
        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    browser.visit("/admin/objects", "customize-objects");
                    browser.visit("/admin/objects/product", "customize-product");
                    browser.visit("/admin/objects/product/fields/category", "customize-field-options");
                    browser.visit("/admin/objects/product/access", "customize-access");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }
}
