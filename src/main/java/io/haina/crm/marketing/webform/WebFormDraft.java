package io.haina.crm.marketing.webform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;

/**
 * What the designer posts: the form's settings, and per offered lead field whether it is asked
 * ({@code ask}), required ({@code required}) and its label ({@code label.<field>}).
 */
public record WebFormDraft(String name, String language, String title, String thankYou, String source, Long ownerId,
                    boolean active, List<WebFormField> fields) {

    static WebFormDraft blank(long ownerId) {
        return new WebFormDraft("", "zh-CN", "", "", "website", ownerId, true,
                List.of(new WebFormField("name", null, true), new WebFormField("company", null, false),
                        new WebFormField("mobile", null, false), new WebFormField("email", null, false)));
    }

    static WebFormDraft of(WebForm form) {
        return new WebFormDraft(form.name(), form.language(), form.title(), form.thankYou(), form.source(),
                form.ownerId(), form.active(), form.fields());
    }

    /** Reads the designer's post; the fields come in the order the designer offers them. */
    static WebFormDraft from(MultiValueMap<String, String> post, List<String> offered) {
        List<String> asked = post.getOrDefault("ask", List.of());
        List<String> required = post.getOrDefault("required", List.of());
        List<WebFormField> fields = new ArrayList<>();
        for (String field : offered) {
            // The engine requires a lead's name: every form asks it, and requires it.
            boolean always = field.equals("name");
            if (always || asked.contains(field)) {
                fields.add(new WebFormField(field, text(post, "label." + field), always || required.contains(field)));
            }
        }
        String owner = text(post, "ownerId");
        return new WebFormDraft(text(post, "name"), text(post, "language"), text(post, "title"), text(post, "thankYou"),
                text(post, "source"), owner.matches("\\d{1,18}") ? Long.valueOf(owner) : null,
                "true".equals(post.getFirst("active")), fields);
    }

    public boolean asks(String field) {
        return fields.stream().anyMatch(f -> f.name().equals(field));
    }

    public boolean requires(String field) {
        return fields.stream().anyMatch(f -> f.name().equals(field) && f.required());
    }

    public String label(String field) {
        return fields.stream().filter(f -> f.name().equals(field) && f.label() != null).map(WebFormField::label)
                .findFirst().orElse("");
    }

    private static String text(MultiValueMap<String, String> post, String key) {
        String value = post.getFirst(key);
        return value == null ? "" : value.strip();
    }
}
