package io.haina.crm.marketing.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FormKeysTest {

    @Test
    void keysAre22Base62CharactersAndDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = FormKeys.random();
            assertThat(key).matches("[0-9A-Za-z]{22}");
            assertThat(FormKeys.looksValid(key)).isTrue();
            keys.add(key);
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void anythingElseIsNoKey() {
        assertThat(FormKeys.looksValid("short")).isFalse();
        assertThat(FormKeys.looksValid("AAAAAAAAAAAAAAAAAAAA-_")).isFalse();
        assertThat(FormKeys.looksValid(null)).isFalse();
    }
}
