package io.haina.crm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class SupportedLanguagesTest {

    @Test
    void theBrowsersFirstSupportedLanguageWins() {
        assertThat(SupportedLanguages.fromAcceptLanguage("en-GB,en;q=0.9,zh-CN;q=0.8")).contains(Locale.ENGLISH);
        assertThat(SupportedLanguages.fromAcceptLanguage("zh-TW,zh;q=0.9,en;q=0.8")).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(SupportedLanguages.fromAcceptLanguage("fr-FR,de;q=0.9,en;q=0.5")).contains(Locale.ENGLISH);
    }

    @Test
    void nothingUsableGivesNothing() {
        assertThat(SupportedLanguages.fromAcceptLanguage("fr,de")).isEmpty();
        assertThat(SupportedLanguages.fromAcceptLanguage("")).isEmpty();
        assertThat(SupportedLanguages.fromAcceptLanguage("%%%;q=x")).isEmpty();
        // Asked again, the kept answers are the same.
        assertThat(SupportedLanguages.fromAcceptLanguage("%%%;q=x")).isEmpty();
        assertThat(SupportedLanguages.fromAcceptLanguage("fr-FR,de;q=0.9,en;q=0.5")).contains(Locale.ENGLISH);
    }

    @Test
    void onlyLocalPathsAreFollowedAfterASwitch() {
        assertThat(LanguageController.safeLocalPath("/org/users?q=x")).isEqualTo("/org/users?q=x");
        assertThat(LanguageController.safeLocalPath("https://evil.example/")).isEqualTo("/");
        assertThat(LanguageController.safeLocalPath("//evil.example/")).isEqualTo("/");
        assertThat(LanguageController.safeLocalPath("/\\evil.example")).isEqualTo("/");
        assertThat(LanguageController.safeLocalPath(null)).isEqualTo("/");
    }
}
