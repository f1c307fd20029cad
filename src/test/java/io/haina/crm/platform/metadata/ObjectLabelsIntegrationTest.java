package io.haina.crm.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import io.haina.crm.platform.web.NavItem;
import io.haina.crm.testsupport.HainaIntegrationTest;

/**
 * Every declared object speaks both languages: its name (one and many), every field, every
 * picklist option and every section has a text in zh-CN and in English, and so has every
 * navigation entry with its hint. Option labels are often
 * built from a prefix and a code, which no scan of string literals sees; this reads the objects.
 */
@HainaIntegrationTest
class ObjectLabelsIntegrationTest {

    @Autowired
    ObjectRegistry objects;
    @Autowired
    MessageSource messages;
    @Autowired
    List<NavItem> navigation;

    @Test
    void everyLabelOfEveryObjectExistsInBothLanguages() {
        List<String> keys = new ArrayList<>();
        for (ObjectDef object : objects.all()) {
            keys.add(object.labelKey());
            keys.add(object.labelKey() + ".plural");
            for (FieldDef field : object.fields()) {
                keys.add(field.labelKey());
                List<PicklistOption> options = switch (field.type()) {
                    case FieldType.Picklist p -> p.options();
                    case FieldType.MultiPicklist p -> p.options();
                    default -> List.of();
                };
                options.forEach(option -> keys.add(option.labelKey()));
            }
            object.layout().sections().forEach(section -> keys.add(section.labelKey()));
        }
        // The home page lists every navigation entry with a hint below its name.
        navigation.forEach(item -> {
            keys.add(item.labelKey());
            keys.add(item.labelKey() + ".hint");
        });
        assertThat(keys).hasSizeGreaterThan(100);

        Set<String> missing = new TreeSet<>();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (String key : keys) {
                String text = messages.getMessage(key, null, null, locale);
                if (text == null || text.isBlank()) {
                    missing.add(locale + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
