package io.haina.crm.platform.io;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
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
 * A sales rep imports a product list from a CSV file with one bad row: sees the dry run's report,
 * runs it, watches it finish, downloads the refused row, exports the list, and undoes the import.
 * Also screenshots of the import pages in both languages on a wide and a phone screen.
 */
@HainaIntegrationTest
class ImportExportBrowserTest {

    static final LocatorAssertions.HasTextOptions JOB = new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    RecordFinder finder;
    @TempDir
    Path files;

    long repId;

    @BeforeEach
    void company() {
        org.admin();
        long sales = org.department("销售部", null);
        long role = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.DELETE, ObjectAction.IMPORT, ObjectAction.EXPORT).create();
        repId = org.user("wang.xm", "王小明", sales, null, role);
    }

    @Test
    void aRepChecksImportsDownloadsTheRefusedRowExportsAndUndoes() throws IOException {
        records.create(repId, "product", Map.of("name", "已有的产品", "code", "OLD-1"));
        Path file = productsFile();

        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("wang.xm", TestOrg.PASSWORD);
            browser.open("/o/product");
            page.click("#record-import");
            assertThat(page).hasURL(Pattern.compile("/o/product/imports/new$"));
            page.setInputFiles("#import-file", file);
            page.click("#import-upload-submit");

            assertThat(page).hasURL(Pattern.compile("/o/product/imports/\\d+$"));
            assertThat(page.locator("#import-total")).hasText("共 3 行");
            assertThat(page.locator("#column-0")).hasValue("name");
            assertThat(page.locator("#column-4")).hasValue("list_price");
            page.click("#import-check");

            assertThat(page.locator("#import-outcome")).hasText(Pattern.compile("3 行中有 1 行无法按原样导入"), JOB);
            assertThat(page.locator("#count-created")).hasText("2");
            assertThat(page.locator("#import-problems tr[data-row='3']")).containsText("标准价格：请输入数字。");
            assertThat(finder.list(repId, "product", RecordListRequest.firstPage()).total()).as("dry run").isEqualTo(1);

            page.click("#import-run");
            assertThat(page.locator("#import-outcome")).hasText("导入完成：共新建或更新 2 条记录。", JOB);
            assertThat(page.locator("#count-failed")).hasText("1");
            Download report = page.waitForDownload(() -> page.click("#import-error-report"));
            String refused = Files.readString(report.path(), StandardCharsets.UTF_8);
            assertThat(refused).contains("海纳打印机 P2,PRN-P2,硬件,台,一万,是,3,标准价格：请输入数字。");
            assertThat(report.suggestedFilename()).isEqualTo("新产品-未导入的行.csv");
            String importPage = browser.path();

            page.click("#import-open-list");
            assertThat(page.locator("#record-total")).hasText("共 3 条");
            page.click("#record-export");
            Download export = page.waitForDownload(() -> page.click("#record-export-csv"));
            String exported = Files.readString(export.path(), StandardCharsets.UTF_8);
            assertThat(exported).startsWith("\uFEFF产品名称,产品编码").contains("海纳服务器 X1,SRV-X1,硬件,台,\"¥12,999.50\"")
                    .contains("已有的产品");

            browser.open(importPage);
            page.onDialog(dialog -> dialog.accept());
            page.click("#import-undo button[type=submit]");
            assertThat(page.locator("#import-outcome")).hasText("已撤销：2 条记录中有 2 条已还原（新建的已删除，修改过的已改回原值）。", JOB);
            assertThat(finder.list(repId, "product", RecordListRequest.firstPage()).items())
                    .extracting(r -> r.get("name")).containsExactly("已有的产品");
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void tourOfTheImportPagesInBothLanguagesOnAWideAndAPhoneScreen() throws IOException {
        Path file = productsFile();
        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn("wang.xm", TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    browser.visit("/o/product", "import-list-buttons");
                    browser.visit("/o/product/imports/new", "import-upload");
                    page.setInputFiles("#import-file", file);
                    page.click("#import-upload-submit");
                    assertThat(page.locator("#column-0")).hasValue("name");
                    browser.screenshot("import-mapping");
                    page.click("#import-check");
                    assertThat(page.locator("#import-problems")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
                    browser.screenshot("import-checked");
                    page.click("#import-run");
                    assertThat(page.locator("#import-open-list")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
                    assertThat(page.locator("body")).not().containsText("??");
                    browser.screenshot("import-done");
                    page.onDialog(dialog -> dialog.accept());
                    page.click("#import-undo button[type=submit]");
                    assertThat(page.locator("#import-outcome")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
                    browser.visit("/o/product/imports/new", "import-upload-recent");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }

    /** Products as a rep keeps them in Excel, saved as "CSV UTF-8"; the printer's price is in words. */
    private Path productsFile() throws IOException {
        Path file = files.resolve("新产品.csv");
        Files.write(file, ImportFixtures.csvWithBom("产品名称,产品编码,产品分类,单位,标准价格,上架",
                "海纳服务器 X1,SRV-X1,硬件,台,\"12,999.5\",是",
                "海纳打印机 P2,PRN-P2,硬件,台,一万,是",
                "上门安装调试服务,SVC-INST,服务,次,800,是"));
        return file;
    }
}
