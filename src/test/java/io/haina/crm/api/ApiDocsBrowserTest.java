package io.haina.crm.api;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.Chromium;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * Swagger UI renders under the pages' Content-Security-Policy (scripts and styles from this
 * server only, no inline script): the API's operations grouped by tag and the bearer token's
 * Authorize button, with no script error or refused resource.
 */
@HainaIntegrationTest
class ApiDocsBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;

    @Test
    void swaggerUiShowsTheApiUnderTheContentSecurityPolicy() {
        org.admin();
        for (Screen screen : Screen.values()) {
            try (BrowserSession browser = chromium.open(port, "en", screen)) {
                Page page = browser.page();
                assertThat(browser.open("/swagger-ui.html").status()).isEqualTo(200);

                // springdoc builds the document on its first request: seconds on a busy two-core machine.
                assertThat(page.locator(".swagger-ui .info .title")).containsText("Haina CRM API",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
                assertThat(page.locator(".swagger-ui .opblock-tag-section")).not().hasCount(0);
                assertThat(page.locator("#swagger-ui")).containsText("/api/v1/search");
                assertThat(page.locator("#swagger-ui")).containsText("/api/v1/recycle-bin");
                assertThat(page.locator(".swagger-ui .btn.authorize")).isVisible();
                page.click(".swagger-ui .btn.authorize");
                assertThat(page.locator(".swagger-ui .modal-ux")).containsText("bearerToken");
                page.keyboard().press("Escape");
                page.evaluate("() => document.fonts.ready");
                browser.screenshot("swagger-ui");
                assertThat(browser.browserErrors()).isEmpty();
            }
        }
    }
}
