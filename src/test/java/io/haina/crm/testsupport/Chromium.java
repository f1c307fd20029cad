package io.haina.crm.testsupport;

import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's headless Chromium driven by Playwright. Launch it once per test class
 * ({@code @BeforeAll}), then open a {@link BrowserSession} per visitor: each has its own cookies,
 * language and screen.
 */
public final class Chromium implements AutoCloseable {

    private static final String EXECUTABLE = "/usr/bin/chromium";

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Playwright playwright = Playwright.create();
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(EXECUTABLE))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh visitor on {@code http://localhost:port} whose browser prefers {@code language} (zh-CN, en). */
    public BrowserSession open(int port, String language, Screen screen) {
        return new BrowserSession(browser, "http://localhost:" + port, language, screen);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** The two screens every page must work on. */
    public enum Screen {
        WIDE(1366, 900),
        NARROW(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }
}
