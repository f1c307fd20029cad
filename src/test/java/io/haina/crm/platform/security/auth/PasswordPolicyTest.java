package io.haina.crm.platform.security.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password123!", "P@ssw0rd2024", "qwertyuiop12", "iloveyou2025!!",
            "123456789012", "aaaaaaaaaaaa", "abcabcabcabc", "1qaz2wsx3edc4rfv", "football2026", "Welcome@2026",
            "passwordpassword", "Password!Password", "iloveyouiloveyou", "!@#$%^&*()_+", "haina-crm-2024", "海纳CRM管理员2026"})
    void commonPasswordsAndTheirUsualDisguisesAreRefused(String password) {
        assertThat(policy.problem(password, "admin")).contains("password.common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tide-Harbor-Lantern-42", "春眠不觉晓处处闻啼鸟2026", "correct horse battery staple", "mV7#pq2!Lx9@"})
    void longUncommonPasswordsAndPassphrasesPass(String password) {
        assertThat(policy.problem(password, "admin")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "Tide-Harbo1"})
    void fewerThanTwelveCharactersIsTooShort(String password) {
        assertThat(policy.problem(password, "admin")).contains("password.too-short");
    }

    @org.junit.jupiter.api.Test
    void chineseCharactersCountAsOneEach() {
        assertThat(policy.problem("海纳百川有容乃大的客户", "admin")).contains("password.too-short");
    }

    @org.junit.jupiter.api.Test
    void thePasswordMayNotContainTheUsername() {
        assertThat(policy.problem("zhangwei-Harbor-42", "ZhangWei")).contains("password.contains-username");
    }

    @org.junit.jupiter.api.Test
    void overlongPasswordsAreRefused() {
        assertThat(policy.problem("x7Q!".repeat(40), "admin")).contains("password.too-long");
    }
}
