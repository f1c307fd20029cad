package io.haina.crm.marketing.webform;

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
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * An administrator designs a web form, opens its public page, fills it in as a visitor would, and
 * finds the lead in the lead list. Also screenshots of the designer and the public page in both
 * languages, wide and on a phone.
 */
@HainaIntegrationTest
class WebFormBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    WebFormDesigner designer;
    @Autowired
    WebFormRepository forms;
    @Autowired
    io.haina.crm.platform.records.RecordFinder finder;

    long adminId;

    @BeforeEach
    void company() {
        adminId = org.admin();
    }

    @Test
    void anAdministratorDesignsAFormAndAVisitorsSubmissionBecomesALead() {
        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("网页表单")).click();
            assertThat(page.locator("#web-forms-empty")).isVisible();
            page.click("#web-form-new");
            page.fill("#name", "官网预约演示");
            page.fill("#title", "预约产品演示");
            page.fill("#thankYou", "感谢您的预约，顾问将在一个工作日内联系您。");
            page.check("#ask-wechat");
            page.fill("input[name='label.company']", "贵公司名称");
            page.click("#web-form-save");

            assertThat(page.locator("#notice")).containsText("网页表单已创建");
            String hosted = page.inputValue("#hosted-url");
            assertThat(hosted).matches("http://localhost:\\d+/f/[0-9A-Za-z]{22}");
            assertThat(page.locator("#embed-snippet")).hasValue(java.util.regex.Pattern.compile("^<script src=\"" + hosted + "/embed.js\""));

            page.navigate(hosted + "?utm_source=wechat&utm_campaign=autumn");
            assertThat(page.locator("h1")).hasText("预约产品演示");
            assertThat(page.locator("label[for='f-company']")).hasText("贵公司名称");
            assertThat(page.locator("#f-website_url")).not().isInViewport();
            page.fill("#f-name", "陈静");
            page.fill("#f-company", "杭州云帆贸易");
            page.fill("#f-email", "chen.jing@example");
            page.click("#web-form-submit");
            assertThat(page.locator("#f-email-error")).isVisible();
            assertThat(page.locator("#f-name")).hasValue("陈静");
            page.fill("#f-email", "chen.jing@example.com");
            page.click("#web-form-submit");
            assertThat(page.locator("#web-form-thanks")).containsText("感谢您的预约");

            browser.open("/o/lead");
            assertThat(page.locator("#record-table")).containsText("陈静");
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void theSnippetOnTheCompanysWebsiteCarriesTheCampaignOfThePageIntoTheLead() throws java.io.IOException {
        WebForm form = aForm("zh-CN");
        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
            browser.open("/admin/web-forms/" + form.id());
            String snippet = page.inputValue("#embed-snippet");
            // The company's landing page, as its web designer pasted the snippet into it, served
            // from another site (127.0.0.1 and another port: not localhost to a browser).
            com.sun.net.httpserver.HttpServer website = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            byte[] html = ("<!doctype html><html><head><meta charset=utf-8><title>海纳客户官网</title></head><body>"
                    + "<h1>冬季新品发布</h1>" + snippet + "</body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            website.createContext("/winter", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, html.length);
                exchange.getResponseBody().write(html);
                exchange.close();
            });
            website.start();
            try {
                page.navigate("http://127.0.0.1:" + website.getAddress().getPort()
                        + "/winter?utm_source=baidu&utm_medium=cpc&utm_campaign=winter-launch");
                var frame = page.frameLocator("iframe[title='预约产品演示']");
                frame.locator("#f-name").fill("周小川");
                frame.locator("#f-company").fill("南京长江电气有限公司");
                frame.locator("#f-mobile").fill("13912345678");
                frame.locator("#web-form-submit").click();
                assertThat(frame.locator("#web-form-thanks")).containsText("感谢您的关注");
            } finally {
                website.stop(0);
            }
        }
        var lead = finder.list(adminId, "lead", io.haina.crm.platform.records.RecordListRequest.of("周小川", null, null, null, null, 5))
                .items();
        assertThat(lead).singleElement().satisfies(l -> {
            assertThat(l.get("utm_source")).isEqualTo("baidu");
            assertThat(l.get("utm_medium")).isEqualTo("cpc");
            assertThat(l.get("utm_campaign")).isEqualTo("winter-launch");
        });
    }

    @Test
    void screenshotsOfTheDesignerAndThePublicPage() {
        for (String language : List.of("zh-CN", "en")) {
            WebForm form = aForm(language);
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
                    browser.visit("/admin/web-forms", "web-forms");
                    browser.visit("/admin/web-forms/" + form.id(), "web-form-designer");
                    browser.visit("/f/" + form.publicKey(), "web-form-hosted");
                    browser.page().click("#web-form-submit");
                    browser.screenshot("web-form-hosted-errors");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }

    private WebForm aForm(String language) {
        boolean zh = language.equals("zh-CN");
        long id = designer.create(adminId, new WebFormDraft(zh ? "官网咨询" : "Website enquiry", language,
                zh ? "预约产品演示" : "Book a product demo", zh ? "感谢您的关注！" : "Thank you!", "website", adminId, true,
                List.of(new WebFormField("name", null, true), new WebFormField("company", null, true),
                        new WebFormField("title", null, false), new WebFormField("mobile", null, false),
                        new WebFormField("email", null, false), new WebFormField("industry", null, false),
                        new WebFormField("company_size", null, false), new WebFormField("region", null, false),
                        new WebFormField("description", null, false))));
        return forms.find(id).orElseThrow();
    }
}
