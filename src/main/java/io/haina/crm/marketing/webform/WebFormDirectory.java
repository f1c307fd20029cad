package io.haina.crm.marketing.webform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.haina.crm.marketing.WebFormNames;

/** The forms' names for other modules' choice lists. */
@Component
class WebFormDirectory implements WebFormNames {

    private final WebFormRepository forms;

    WebFormDirectory(WebFormRepository forms) {
        this.forms = forms;
    }

    @Override
    public Map<Long, String> all() {
        Map<Long, String> names = new LinkedHashMap<>();
        forms.all().forEach(form -> names.put(form.id(), form.name()));
        return names;
    }
}
