package io.haina.crm.testsupport;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

/**
 * One visitor in {@link Chromium}: own cookies, a browser language and a screen size. Opens
 * paths of the application, takes full-page screenshots named
 * {@code <name>-<zh|en>-<wide|narrow>.png} in {@code haina.screenshots} (default
 * {@code target/screenshots}), and collects what went wrong in the browser: script errors,
 * Content-Security-Policy violations, stylesheets, scripts or images that failed to load.
 */
public final class BrowserSession implements AutoCloseable {

    private final BrowserContext context;
    private final Page page;
    private final String base;
    private final String suffix;
    private final List<String> browserErrors = new ArrayList<>();

    BrowserSession(Browser browser, String base, String language, Chromium.Screen screen) {
        this.base = base;
        this.suffix = "-" + Locale.forLanguageTag(language).getLanguage() + "-" + screen.name().toLowerCase(Locale.ROOT);
        this.context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(language)
                .setViewportSize(screen.width, screen.height)
                .setDeviceScaleFactor(1)
                .setIsMobile(screen == Chromium.Screen.NARROW)
                .setHasTouch(screen == Chromium.Screen.NARROW));
        context.setDefaultTimeout(10_000);
        this.page = context.newPage();
        // A page answered with 403 or 404 is what a test may expect; a stylesheet or script that fails is not.
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                browserErrors.add(page.url() + ": " + message.text());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400 && !"document".equals(response.request().resourceType())) {
                browserErrors.add(page.url() + ": " + response.status() + " " + response.url());
            }
        });
        page.onPageError(error -> browserErrors.add(page.url() + ": " + error));
    }

    public Page page() {
        return page;
    }

    /** Opens a path of the application, as if typed into the address bar; the final response. */
    public Response open(String path) {
        return page.navigate(base + path);
    }

    /** The current path, without host and query. */
    public String path() {
        return java.net.URI.create(page.url()).getPath();
    }

    /** Picks the option of a select by its visible text (ignoring the indent of tree options). */
    public void choose(String select, String text) {
        for (Locator option : page.locator(select + " option").all()) {
            if (option.textContent().strip().equals(text)) {
                page.selectOption(select, option.getAttribute("value"));
                return;
            }
        }
        throw new AssertionError("no option \"" + text + "\" in " + select);
    }

    /** Saves a full-page PNG of what is shown now as {@code <name>-<lang>-<screen>.png}; its path. */
    public Path screenshot(String name) {
        Path file = Paths.get(System.getProperty("haina.screenshots", "target/screenshots")).resolve(name + suffix + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setAnimations(
                com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
        return file;
    }

    /** What went wrong in the browser so far (not counting pages answered with an error status). */
    /** Opens a page as a user would, checks it answered and has no untranslated key, and screenshots it. */
    public void visit(String path, String screenshotName) {
        Response response = open(path);
        org.assertj.core.api.Assertions.assertThat(response.status()).as(path).isEqualTo(200);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("body")).not().containsText("??");
        screenshot(screenshotName);
    }

    /** Signs in through the sign-in page and waits for the user menu. */
    public void signIn(String username, String password) {
        if (!"/login".equals(path())) {
            open("/login");
        }
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-submit");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#user-menu")).isVisible();
    }

    public List<String> browserErrors() {
        return List.copyOf(browserErrors);
    }

    @Override
    public void close() {
        context.close();
    }
}
