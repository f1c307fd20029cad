package io.haina.crm.marketing.webform;

import java.util.List;

import io.haina.crm.platform.web.FormErrors;

/**
 * The designer of one form: what is being edited ({@code form} is {@code null} for a new one),
 * the choices it offers, and for a saved form its hosted page's address and embed snippet.
 */
public record DesignerPage(WebForm form, WebFormDraft draft, FormErrors errors, List<DesignerRow> rows,
                           List<Choice> languages, List<Choice> sources, List<Choice> owners, String hostedUrl,
                           String snippet) {

    public String action() {
        return form == null ? WebFormAdminController.PATH : WebFormAdminController.PATH + "/" + form.id();
    }
}
