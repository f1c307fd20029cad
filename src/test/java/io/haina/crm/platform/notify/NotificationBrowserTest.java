package io.haina.crm.platform.notify;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

import io.haina.crm.platform.notify.inbox.Inbox;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestNotices;
import io.haina.crm.testsupport.TestOrg;

/**
 * A signed-in user with a page open: a notice sent meanwhile lights the bell without a reload,
 * the bell's menu shows it, and opening it leads to its record and clears the bell. Also
 * screenshots of the bell, its menu, the notifications page and the account switch in both
 * languages, wide and on a phone.
 */
@HainaIntegrationTest
class NotificationBrowserTest {

    static final NoticeKind SHARED = NoticeKind.of("PRODUCT_SHARED");

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    Inbox inbox;
    @Autowired
    RecordService records;
    @Autowired
    MutableClock clock;
    @Autowired
    TestNotices sent;

    long repId;
    long productId;

    @BeforeEach
    void company() {
        long adminId = org.admin();
        long role = org.role("销售代表").grant("product", ScopeLevel.ALL, ObjectAction.VIEW).create();
        repId = org.user("wang.xm", "王小明", null, null, role);
        Map<String, String> product = new LinkedHashMap<>();
        product.put("name", "海纳服务器 X1");
        product.put("code", "SRV-X1");
        productId = records.create(adminId, "product", product).id();
    }

    @Test
    void aNoticeSentWhileThePageIsOpenLightsTheBellAndOpeningItLeadsToItsRecord() {
        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("wang.xm", TestOrg.PASSWORD);
            assertThat(page.locator("#notice-count")).isHidden();

            send(Notice.to(repId, SHARED).message("test.notice.product-shared", "海纳服务器 X1", "管理员")
                    .link("/o/product/" + productId));

            assertThat(page.locator("#notice-count")).isVisible();
            assertThat(page.locator("#notice-count")).hasText("1");
            page.click("#notice-bell-button");
            Locator notice = page.locator("#notice-menu .haina-notice");
            assertThat(notice).hasCount(1);
            assertThat(notice).containsText("管理员 与您共享了产品“海纳服务器 X1”。");
            assertThat(notice).containsText("刚刚");
            notice.click();

            assertThat(page).hasURL(Pattern.compile("/o/product/" + productId + "$"));
            assertThat(page.locator("h1")).containsText("海纳服务器 X1");
            assertThat(page.locator("#notice-count")).isHidden();
            assertThat(sent.unread(repId)).isZero();
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void markAllReadInTheMenuClearsTheBell() {
        for (int i = 0; i < 3; i++) {
            send(Notice.to(repId, SHARED).message("test.notice.task-due", "华为技术有限公司"));
        }
        try (BrowserSession browser = chromium.open(port, "en", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn("wang.xm", TestOrg.PASSWORD);
            assertThat(page.locator("#notice-count")).hasText("3");
            page.click("#notice-bell-button");
            assertThat(page.locator("#notice-menu .haina-notice-unread")).hasCount(3);
            page.click("#notice-read-all");

            assertThat(page.locator("#notice-count")).isHidden();
            assertThat(page.locator("#notice-menu .haina-notice-unread")).hasCount(0);
            assertThat(page.locator("#notice-menu .haina-notice")).hasCount(3);
            assertThat(page.locator("#notice-read-all")).hasCount(0);
            assertThat(sent.unread(repId)).isZero();
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void tourOfTheBellItsMenuAndTheNotificationsPageInBothLanguagesOnAWideAndAPhoneScreen() {
        seedADayOfNotices();

        for (String language : List.of("zh-CN", "en")) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.signIn("wang.xm", TestOrg.PASSWORD);
                    assertThat(page.locator("#notice-count")).hasText("4");
                    page.evaluate("() => document.fonts.ready");
                    browser.screenshot("notify-bell");

                    page.click("#notice-bell-button");
                    assertThat(page.locator("#notice-menu .haina-notice")).hasCount(6);
                    assertThat(page.locator("#notice-menu")).not().containsText("??");
                    browser.screenshot("notify-menu");

                    browser.visit("/notifications", "notify-page");
                    assertThat(page.locator("#notice-page-list .haina-notice")).hasCount(6);
                    browser.visit("/notifications?unread=true", "notify-page-unread");
                    assertThat(page.locator("#notice-page-list .haina-notice")).hasCount(4);
                    browser.visit("/account", "notify-account");
                    assertThat(page.locator("#emailNotifications")).isChecked();
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }

    /** Six notices over two days, the two oldest read. */
    private void seedADayOfNotices() {
        String record = "/o/product/" + productId;
        clock.advance(Duration.ofDays(-2));
        long old = send(Notice.to(repId, SHARED).message("test.notice.product-shared", "海纳服务器 X1", "管理员").link(record));
        clock.advance(Duration.ofHours(30));
        long yesterday = send(Notice.to(repId, SHARED).message("test.notice.task-due", "上海云启科技有限公司"));
        clock.advance(Duration.ofHours(15));
        send(Notice.to(repId, SHARED).message("test.notice.pool-warning", "深圳前海明珠国际贸易集团股份有限公司（华南大区）", 3).link(record));
        clock.advance(Duration.ofMinutes(140));
        send(Notice.to(repId, SHARED).message("test.notice.product-shared", "Haina Cloud Storage — annual plan, 10 TB", "Zhang Wei")
                .link(record));
        clock.advance(Duration.ofMinutes(35));
        send(Notice.to(repId, SHARED).message("test.notice.task-due", "北京海纳科技"));
        clock.advance(Duration.ofMinutes(5));
        send(Notice.to(repId, SHARED).message("test.notice.plain"));
        inbox.markRead(repId, old);
        inbox.markRead(repId, yesterday);
    }

    private long send(Notice notice) {
        return sent.commit(notice);
    }
}
