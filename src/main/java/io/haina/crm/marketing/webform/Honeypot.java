package io.haina.crm.marketing.webform;

import java.util.Map;

/**
 * A field people never see and bots fill in: a text input with an innocent name, hidden by CSS
 * (not by {@code type=hidden}, which bots skip), out of the tab order and of autofill. A post
 * that fills it is thanked like any other — telling the bot it was caught teaches it — and
 * creates nothing.
 */
final class Honeypot {

    static final String FIELD = "website_url";

    private Honeypot() {
    }

    static boolean caught(Map<String, String> post) {
        String value = post.get(FIELD);
        return value != null && !value.isBlank();
    }
}
