package io.haina.crm.platform.activity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import io.haina.crm.platform.customize.ObjectCustomization;
import io.haina.crm.platform.metadata.CustomFieldKind;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestFiles;
import io.haina.crm.testsupport.TestOrg;

/**
 * A salesperson attaches a quote to a follow-up on the customer's timeline (Ctrl+Enter, as without
 * files), finds it listed under the follow-up and downloads it under its own name; a file over the
 * limit is named at once, before anything is sent; and a customer's attachment field takes a file in
 * the form and shows it on the customer's page. Screenshots in both languages, wide and on a phone.
 */
@HainaIntegrationTest
class FollowUpFilesBrowserTest {

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
    @Autowired
    MutableClock clock;

    RecordData customer;
    String contracts;

    @BeforeEach
    void company() {
        long admin = org.admin();
        long repRole = org.role("销售").grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT)
                .create();
        long wang = org.user("wang", "王小明", null, null, repRole);
        contracts = customization.addCustomField(admin, "customer", "合同附件", "Contract files", CustomFieldKind.ATTACHMENT, List.of());
        customer = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        clock.advance(Duration.ofMinutes(1));
    }

    @TempDir
    Path uploads;

    @Test
    void aFileIsAttachedToAFollowUpAndDownloadedFromTheTimeline() throws Exception {
        for (var run : List.of(Map.entry("zh-CN", Screen.WIDE), Map.entry("en", Screen.NARROW))) {
            try (BrowserSession browser = chromium.open(port, run.getKey(), run.getValue())) {
                Page page = browser.page();
                browser.signIn("wang", TestOrg.PASSWORD);
                browser.open("/o/customer/" + customer.id());
                assertThat(page.locator("#fu-form")).isVisible();

                page.setInputFiles("#fu-files", new FilePayload("报价单.pdf", "application/pdf", TestFiles.PDF));
                page.fill("#fu-content", "发了报价单（" + run.getKey() + "），客户下周答复");
                page.locator("#fu-content").press("Control+Enter");
                var entry = page.locator("#timeline-entries li").first();
                assertThat(entry).containsText("客户下周答复");
                assertThat(entry.locator("[data-file-link]")).hasText("报价单.pdf");
                assertThat(page.locator("#fu-content")).hasValue("");
                browser.screenshot("files-follow-up-timeline");

                Download download = page.waitForDownload(() -> entry.locator("[data-file-link]").click());
                assertThat(download.suggestedFilename()).isEqualTo("报价单.pdf");
                assertThat(Files.readAllBytes(download.path())).isEqualTo(TestFiles.PDF);

                // From a file on disk, which the local browser reads itself: sending 21 MB as a payload
                // through Playwright's protocol took close to its 10 s timeout on a busy machine.
                Path large = uploads.resolve("大视频.pdf");
                Files.write(large, TestFiles.pdfOf(21 * 1024 * 1024));
                page.setInputFiles("#fu-files", large);
                assertThat(page.locator("#fu-form [data-file-error]")).containsText("大视频.pdf");
                assertThat(page.locator("#fu-form [data-file-error]")).containsText("20 MB");
                assertThat((Integer) page.locator("#fu-files").evaluate("input => input.files.length")).as("left out before sending").isZero();
                browser.screenshot("files-follow-up-too-large");
                assertThat(browser.browserErrors()).isEmpty();
            }
        }
    }

    /** Opens a tab of the record's page and waits until it has faded in. */
    private static void shown(Page page, String tab) {
        page.click("#tab-" + tab + "-button");
        assertThat(page.locator("#tab-" + tab)).hasClass(java.util.regex.Pattern.compile("(^|\\s)show(\\s|$)"));
        page.waitForFunction("() => getComputedStyle(document.querySelector('#tab-" + tab + "')).opacity === '1'");
    }

    @Test
    void anAttachmentFieldTakesAFileInTheFormAndShowsItOnTheRecordsPage() {
        for (var run : List.of(Map.entry("zh-CN", Screen.WIDE), Map.entry("en", Screen.NARROW))) {
            try (BrowserSession browser = chromium.open(port, run.getKey(), run.getValue())) {
                Page page = browser.page();
                browser.signIn("wang", TestOrg.PASSWORD);
                browser.open("/o/customer/" + customer.id() + "/edit");
                String name = "合同-" + run.getKey() + ".pdf";
                page.setInputFiles("#field-" + contracts, new FilePayload(name, "application/pdf", TestFiles.PDF));
                browser.screenshot("files-record-form");
                page.click("#record-save");
                assertThat(page.locator("#notice")).isVisible();
                shown(page, "details");
                assertThat(page.locator("[data-field=" + contracts + "] [data-file-link]").last()).hasText(name);
                browser.screenshot("files-record-detail");
                shown(page, "history");
                assertThat(page.locator("#record-history li").first()).containsText(name);
                browser.screenshot("files-record-history");

                browser.open("/o/customer/" + customer.id() + "/edit");
                assertThat(page.locator("#field-" + contracts + "-current")).containsText(name);
                assertThat(browser.browserErrors()).isEmpty();
            }
        }
    }
}
