package io.haina.crm.platform.io;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.PicklistOption;

/**
 * Reads the names people put in files: a column titled with a field's Chinese or English label
 * (or its field name), a picklist cell with an option's label in either language (or its code).
 * Whoever made the file, in whichever language, it reads the same.
 */
@Component
class BilingualLabels {

    private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final MessageSource messages;

    BilingualLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** Whether a column title names this field. */
    boolean names(FieldDef field, String title) {
        String wanted = normalized(title);
        return !wanted.isEmpty() && (normalized(field.name()).equals(wanted) || texts(field.labelKey()).contains(wanted));
    }

    /** The option a cell names, by code or by label in either language. */
    Optional<PicklistOption> option(List<PicklistOption> options, String cell) {
        String wanted = normalized(cell);
        return options.stream().filter(o -> o.code().equals(cell.strip()) || texts(o.labelKey()).contains(wanted))
                .findFirst();
    }

    private Set<String> texts(String key) {
        Set<String> texts = new LinkedHashSet<>();
        for (Locale language : LANGUAGES) {
            texts.add(normalized(messages.getMessage(key, null, key, language)));
        }
        return texts;
    }

    /** Without blanks, a byte-order mark, required-field stars or letter case: "* 产品名称 " = "产品名称". */
    static String normalized(String text) {
        return text == null ? "" : text.replace("\uFEFF", "").replace("*", "").replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
    }
}
