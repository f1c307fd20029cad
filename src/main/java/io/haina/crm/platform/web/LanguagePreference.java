package io.haina.crm.platform.web;

import java.util.Locale;

/** Remembers the language a signed-in user picks; implemented by the security module. */
public interface LanguagePreference {

    void rememberForCurrentUser(Locale locale);
}
