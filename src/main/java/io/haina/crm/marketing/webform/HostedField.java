package io.haina.crm.marketing.webform;

import java.util.List;

/** A field as the hosted page shows it, in the form's language. */
public record HostedField(String name, String label, boolean required, String inputType, boolean longText,
                          List<Choice> options) {

    public boolean isChoice() {
        return !options.isEmpty();
    }
}
