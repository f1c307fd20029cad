package io.haina.crm.platform.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.haina.crm.platform.metadata.MetadataSnapshot.CustomField;
import io.haina.crm.platform.metadata.MetadataSnapshot.FieldSetting;
import io.haina.crm.platform.metadata.MetadataSnapshot.OptionSetting;

/**
 * Lays administrators' changes over a declared object: hidden fields leave, required can be
 * switched on (never off for a field the code needs), fields take the administrator's order,
 * picklists their options' order, colour and active state plus added options, and active custom
 * fields join at the end unless placed. The name field always stays.
 */
final class ObjectOverlay {

    private ObjectOverlay() {
    }

    static ObjectDef apply(ObjectDef declared, MetadataSnapshot changes) {
        Map<String, FieldSetting> settings = changes.fieldSettings(declared.code());
        List<FieldDef> fields = new ArrayList<>();
        for (FieldDef field : declared.fields()) {
            fields.add(field);
        }
        for (CustomField custom : changes.customFields(declared.code())) {
            if (custom.active()) {
                fields.add(FieldDef.optional(custom.name(), CustomLabels.field(declared.code(), custom.name()), custom.type()));
            }
        }
        List<FieldDef> shown = new ArrayList<>();
        for (FieldDef field : fields) {
            FieldSetting setting = settings.get(field.name());
            boolean isName = field.name().equals(declared.nameField());
            if (setting != null && setting.hidden() && !isName) {
                continue;
            }
            FieldDef changed = withOptions(declared.code(), field, changes);
            if (setting != null && Boolean.TRUE.equals(setting.required())) {
                changed = changed.withRequired(true);
            } else if (setting != null && Boolean.FALSE.equals(setting.required()) && field.isCustom()) {
                changed = changed.withRequired(false);
            }
            shown.add(changed);
        }
        List<FieldDef> ordered = new ArrayList<>(shown);
        ordered.sort(Comparator.comparingInt(f -> {
            FieldSetting setting = settings.get(f.name());
            return setting == null || setting.position() == null ? Integer.MAX_VALUE : setting.position();
        }));
        return declared.withFields(ordered);
    }

    private static FieldDef withOptions(String objectCode, FieldDef field, MetadataSnapshot changes) {
        List<PicklistOption> declared = switch (field.type()) {
            case FieldType.Picklist p -> p.options();
            case FieldType.MultiPicklist p -> p.options();
            default -> null;
        };
        List<OptionSetting> settings = changes.optionSettings(objectCode, field.name());
        if (declared == null || settings.isEmpty()) {
            return field;
        }
        List<PicklistOption> options = new ArrayList<>();
        for (PicklistOption option : declared) {
            OptionSetting setting = settings.stream().filter(s -> s.code().equals(option.code())).findFirst().orElse(null);
            options.add(setting == null ? option
                    : new PicklistOption(option.code(), option.labelKey(), setting.color(), setting.active()));
        }
        for (OptionSetting setting : settings) {
            if (setting.added() && declared.stream().noneMatch(o -> o.code().equals(setting.code()))) {
                options.add(new PicklistOption(setting.code(), CustomLabels.option(objectCode, field.name(), setting.code()),
                        setting.color(), setting.active()));
            }
        }
        options.sort(Comparator.comparingInt(o -> settings.stream().filter(s -> s.code().equals(o.code()))
                .map(OptionSetting::position).filter(java.util.Objects::nonNull).findFirst().orElse(Integer.MAX_VALUE)));
        return field.withType(field.type() instanceof FieldType.Picklist ? new FieldType.Picklist(options)
                : new FieldType.MultiPicklist(options));
    }
}
