package io.haina.crm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.org.UserStatus;

/**
 * Every text exists in both languages: the two bundles have the same keys with the same
 * placeholders, and every key the code and the templates name is in them.
 */
class MessagesCompletenessTest {

    static final Path I18N = Path.of("src/main/resources/i18n");
    static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9_-]+)+)\"");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    final Properties zh = load("messages_zh_CN.properties");
    final Properties en = load("messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(en.stringPropertyNames()).as("keys in zh-CN but not in English")
                .containsAll(zh.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).as("keys in English but not in zh-CN")
                .containsAll(en.stringPropertyNames());
    }

    @Test
    void noTextIsEmptyAndPlaceholdersMatch() {
        for (String key : zh.stringPropertyNames()) {
            assertThat(zh.getProperty(key)).as("zh-CN " + key).isNotBlank();
            assertThat(en.getProperty(key, "")).as("en " + key).isNotBlank();
            assertThat(placeholders(en.getProperty(key, ""))).as("placeholders of " + key)
                    .isEqualTo(placeholders(zh.getProperty(key)));
        }
    }

    @Test
    void everyKeyTheCodeAndTemplatesNameExists() throws IOException {
        Set<String> prefixes = zh.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/jte")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    if (prefixes.contains(key.substring(0, key.indexOf('.'))) && !key.startsWith("haina.")) {
                        used.add(key);
                    }
                }
            }
        }
        for (ObjectAction action : ObjectAction.values()) {
            used.add(action.labelKey());
        }
        for (ScopeLevel scope : ScopeLevel.values()) {
            used.add(scope.labelKey());
        }
        for (UserStatus status : UserStatus.values()) {
            used.add(status.labelKey());
        }
        for (Class<?> type : io.haina.crm.platform.metadata.FieldType.class.getPermittedSubclasses()) {
            used.add(io.haina.crm.platform.metadata.FieldType.labelKeyOf(type));
        }
        for (NavItem.Section section : NavItem.Section.values()) {
            used.add(section.labelKey());
        }
        for (int status : new int[] {400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500}) {
            used.add("error.title." + status);
        }

        assertThat(used).isNotEmpty();
        assertThat(used.stream().filter(key -> !zh.containsKey(key)).toList()).as("keys used but missing").isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(I18N.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
