package io.haina.crm.platform.records;

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

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.Chromium;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * An administrator deletes a product, finds it in the recycle bin from the admin navigation and
 * restores it; a restore that would repeat a product code says so. Also screenshots of the bin
 * in both languages, wide and on a phone.
 */
@HainaIntegrationTest
class RecycleBinBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;

    long adminId;
    long repId;

    @BeforeEach
    void company() {
        adminId = org.admin();
        long role = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.DELETE).create();
        repId = org.user("wang.xm", "王小明", null, null, role);
    }

    @Test
    void anAdministratorDeletesAProductAndRestoresItFromTheRecycleBin() {
        long server = product(adminId, "海纳服务器 X1", "SRV-X1");

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
            browser.open("/o/product/" + server);
            page.onDialog(dialog -> dialog.accept());
            page.click("#record-delete button[type=submit]");
            assertThat(page).hasURL(Pattern.compile("/o/product(\\?.*)?$"));
            assertThat(page.locator("body")).not().containsText("海纳服务器 X1");

            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("回收站")).click();
            assertThat(page.locator("h1")).hasText("回收站");
            Locator row = page.locator("#recycle-table tr[data-id='" + server + "']");
            assertThat(row).containsText("海纳服务器 X1");
            assertThat(row).containsText("产品");
            assertThat(row).containsText("管理员");
            row.locator("button[type=submit]").click();

            assertThat(page.locator("#notice")).containsText("已恢复");
            assertThat(page.locator("#recycle-empty")).isVisible();
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("产品")).click();
            assertThat(page.locator("#record-table")).containsText("海纳服务器 X1");
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void aRestoreWhoseCodeIsTakenSaysWhichFieldToChangeFirst() {
        long old = product(repId, "旧服务器", "SRV-1");
        records.delete(repId, "product", old);
        product(repId, "新服务器", "srv-1");

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
            browser.open("/admin/recycle-bin");
            page.locator("#recycle-table tr[data-id='" + old + "'] button[type=submit]").click();

            assertThat(page.locator("#restore-error")).hasText("无法恢复“旧服务器”：它的产品编码已被另一条记录使用。请先修改那条记录的产品编码，再恢复。");
            assertThat(page.locator("#recycle-table tr[data-id='" + old + "']")).isVisible();
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void tourOfTheRecycleBinInBothLanguagesOnAWideAndAPhoneScreen() {
        List<String> names = List.of("海纳服务器 X1", "Haina Cloud Storage — annual plan, 10 TB with priority support",
                "客户关系管理软件 企业版（含 50 个用户许可证及一年免费升级服务）", "Rack Mount Kit 2U", "网络交换机 24 口千兆");
        for (int i = 0; i < names.size(); i++) {
            records.delete(repId, "product", product(repId, names.get(i), "CODE-" + i));
        }
        long taken = product(repId, "旧的 Rack Mount Kit", "RMK-2U");
        records.delete(repId, "product", taken);
        product(repId, "新的 Rack Mount Kit", "rmk-2u");

        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    assertThat(page.locator("html")).hasAttribute("lang", language);

                    browser.visit("/admin/recycle-bin", "recycle-bin");
                    assertThat(page.locator("#recycle-table tbody tr")).hasCount(names.size() + 1);
                    page.locator("#recycle-table tr[data-id='" + taken + "'] button[type=submit]").click();
                    assertThat(page.locator("#restore-error")).isVisible();
                    assertThat(page.locator("body")).not().containsText("??");
                    browser.screenshot("recycle-bin-refused");
                    browser.visit("/admin/recycle-bin?object=product", "recycle-bin-filtered");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }

    private long product(long owner, String name, String code) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("code", code);
        return records.create(owner, "product", input).id();
    }
}
