package io.haina.crm.marketing.webform;

/**
 * A lead field a form asks.
 *
 * @param name     the lead field's name ({@code company}, {@code mobile}, ...)
 * @param label    what the form calls it, or {@code null} for the field's own label in the form's language
 * @param required whether the visitor must fill it in
 */
public record WebFormField(String name, String label, boolean required) {

    public WebFormField {
        label = label == null || label.isBlank() ? null : label.strip();
    }
}
