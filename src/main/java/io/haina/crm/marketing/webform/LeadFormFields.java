package io.haina.crm.marketing.webform;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.metadata.PicklistOption;
import io.haina.crm.platform.web.Messages;

/**
 * The lead fields a web form may ask, read from the lead object as it stands now (with the
 * administrators' wording), so that the form's default labels follow the lead's.
 */
@Component
class LeadFormFields {

    static final String LEAD = "lead";
    /** What a visitor may tell about themselves; status, owner, scores and UTM values are the CRM's to set. */
    static final List<String> OFFERED = List.of("name", "company", "title", "mobile", "phone", "email", "wechat",
            "region", "industry", "company_size", "description");
    /** A lead nobody can reach is useless: a submission must give at least one of these. */
    static final List<String> CONTACT = List.of("mobile", "phone", "email", "wechat");

    private final ObjectRegistry objects;

    LeadFormFields(ObjectRegistry objects) {
        this.objects = objects;
    }

    List<String> offered() {
        return OFFERED.stream().filter(name -> lead().field(name).isPresent()).toList();
    }

    Optional<FieldDef> field(String name) {
        return lead().field(name);
    }

    String defaultLabel(String name, Messages msg) {
        return field(name).map(f -> msg.t(f.labelKey())).orElse(name);
    }

    String label(WebFormField field, Messages msg) {
        return field.label() != null ? field.label() : defaultLabel(field.name(), msg);
    }

    /** The active options of a picklist field (industry, size, source); empty for other fields. */
    List<PicklistOption> options(String name) {
        return field(name).map(FieldDef::type).filter(FieldType.Picklist.class::isInstance)
                .map(t -> ((FieldType.Picklist) t).options().stream().filter(PicklistOption::active).toList())
                .orElse(List.of());
    }

    boolean isLongText(String name) {
        return field(name).map(f -> f.type() instanceof FieldType.LongText).orElse(false);
    }

    String inputType(String name) {
        return field(name).map(f -> switch (f.type()) {
            case FieldType.Email e -> "email";
            case FieldType.Phone p -> "tel";
            default -> "text";
        }).orElse("text");
    }

    private ObjectDef lead() {
        return objects.find(LEAD).orElseThrow(() -> new IllegalStateException("the lead object is not declared"));
    }
}
