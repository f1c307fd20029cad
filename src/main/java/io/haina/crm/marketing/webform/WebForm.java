package io.haina.crm.marketing.webform;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A web-to-lead form as designed by an administrator.
 *
 * @param publicKey the random key of its hosted page {@code /f/{publicKey}}
 * @param language  {@code zh-CN} or {@code en}: the hosted page's language, whatever the visitor's browser says
 * @param source    the lead source code recorded on its leads
 * @param ownerId   the user whose leads the form creates
 */
public record WebForm(long id, String publicKey, String name, String language, String title, String thankYou, String source,
               long ownerId, boolean active, List<WebFormField> fields, OffsetDateTime createdAt) {

    public WebForm {
        fields = List.copyOf(fields);
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    public boolean asks(String field) {
        return fields.stream().anyMatch(f -> f.name().equals(field));
    }
}
