package io.haina.crm.marketing.webform;

/** A lead field offered in the designer, with its default label in the form's language. */
public record DesignerRow(String name, String defaultLabel, boolean alwaysAsked) {
}
