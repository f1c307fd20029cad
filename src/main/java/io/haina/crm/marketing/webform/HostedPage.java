package io.haina.crm.marketing.webform;

import java.util.List;
import java.util.Map;

import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.Messages;

/**
 * What the hosted page of a form shows: its fields in the form's language, what the visitor typed
 * (kept when the form comes back with messages) and the campaign's UTM values to carry on.
 */
public record HostedPage(Messages msg, WebForm form, List<HostedField> fields, Map<String, String> values,
                         Map<String, String> utm, FormErrors errors) {

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String honeypot() {
        return Honeypot.FIELD;
    }
}
