package io.haina.crm.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium for a browser test class, started before its first test and closed after its last:
 * {@code @RegisterExtension static final ChromiumExtension chromium = new ChromiumExtension();}.
 */
public final class ChromiumExtension implements BeforeAllCallback, AfterAllCallback {

    private Chromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = Chromium.launch();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** A fresh browser context on the app at {@code port}, in a language, on a screen size. */
    public BrowserSession open(int port, String language, Chromium.Screen screen) {
        return chromium.open(port, language, screen);
    }
}
