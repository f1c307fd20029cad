package io.haina.crm.platform.customize;

import java.util.List;
import java.util.Map;

import io.haina.crm.platform.metadata.CustomFieldKind;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.FieldPermissions;
import io.haina.crm.platform.web.FormErrors;

/** What the customization pages show. */
public final class CustomizePages {

    private CustomizePages() {
    }

    /** What the access page shows: the object, the roles to choose from, the chosen role's rules. */
    public record AccessPage(ObjectDef object, Map<Long, String> roles, Long role,
                             Map<String, FieldPermissions.Restriction> rules) {

        public String ruleOf(FieldDef field) {
            FieldPermissions.Restriction rule = rules.get(field.name());
            return rule == null ? "EDITABLE" : rule.name();
        }

        public List<String> choices() {
            return List.of("EDITABLE", "READ_ONLY", "MASKED", "HIDDEN");
        }
    }

    /** What an object's page shows; {@code targets} are the objects a new lookup field may point at. */
    public record ObjectPage(ObjectDef object, List<FieldRow> fields, List<CustomFieldKind> kinds, List<ObjectDef> targets,
                             FormErrors errors, Map<String, String> input) {

        public String input(String name) {
            return input.getOrDefault(name, "");
        }

        /** The message key naming the object a lookup field points at (its code when it is gone). */
        public String targetLabelKey(String code) {
            return targets.stream().filter(o -> o.code().equals(code)).findFirst().map(ObjectDef::labelKey).orElse(code);
        }
    }

    /** What a field's page shows. */
    public record FieldPage(ObjectDef object, FieldRow field, List<OptionRow> options, FormErrors errors) {
    }

    /** One picklist option with its wording in both languages. */
    public record OptionRow(String code, String zh, String en, String color, boolean active, int position) {
    }
}
