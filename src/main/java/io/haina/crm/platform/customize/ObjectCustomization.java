package io.haina.crm.platform.customize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.CustomFieldKind;
import io.haina.crm.platform.metadata.CustomLabels;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.MetadataSnapshot;
import io.haina.crm.platform.metadata.MetadataSnapshot.CustomField;
import io.haina.crm.platform.metadata.MetadataSnapshot.FieldSetting;
import io.haina.crm.platform.metadata.MetadataSnapshot.OptionSetting;
import io.haina.crm.platform.metadata.MetadataStore;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.metadata.PicklistOption;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;

/**
 * What an administrator changes about an object: wording, required, hidden, order, picklist
 * options, custom fields. Administrators only; every change takes effect at once, no restart.
 */
@Service
@Transactional
public class ObjectCustomization {

    public static final int LABEL_MAX = 40;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    private final ObjectRegistry objects;
    private final MetadataStore store;
    private final Permissions permissions;
    private final MessageSource messages;

    ObjectCustomization(ObjectRegistry objects, MetadataStore store, Permissions permissions, MessageSource messages) {
        this.objects = objects;
        this.store = store;
        this.permissions = permissions;
        this.messages = messages;
    }

    /** The objects an administrator can customize, as they stand now. */
    @Transactional(readOnly = true)
    public List<ObjectDef> objects(long actorId) {
        requireAdministrator(actorId);
        return objects.all();
    }

    /** Every field of the object — shown, hidden and deactivated — in the order the forms use. */
    @Transactional(readOnly = true)
    public List<FieldRow> fields(long actorId, String objectCode) {
        requireAdministrator(actorId);
        ObjectDef declared = declared(objectCode);
        ObjectDef now = current(objectCode);
        MetadataSnapshot changes = store.current();
        Map<String, FieldSetting> settings = changes.fieldSettings(objectCode);
        List<FieldRow> rows = new ArrayList<>();
        for (FieldDef field : now.fields()) {
            rows.add(row(declared, field, false, true));
        }
        for (FieldDef field : declared.fields()) {
            if (now.field(field.name()).isEmpty()) {
                rows.add(row(declared, field, true, true));
            }
        }
        for (CustomField custom : changes.customFields(objectCode)) {
            if (now.field(custom.name()).isEmpty()) {
                FieldDef field = FieldDef.optional(custom.name(), CustomLabels.field(objectCode, custom.name()), custom.type());
                rows.add(row(declared, field, settings.containsKey(custom.name()) && settings.get(custom.name()).hidden(), custom.active()));
            }
        }
        return rows;
    }

    public void relabel(long actorId, String objectCode, String fieldName, String zh, String en) {
        requireAdministrator(actorId);
        FieldDef field = anyField(objectCode, fieldName);
        store.saveLabel(field.labelKey(), checkedLabel("labelZh", zh), checkedLabel("labelEn", en));
    }

    public void setRequired(long actorId, String objectCode, String fieldName, boolean required) {
        requireAdministrator(actorId);
        FieldDef field = anyField(objectCode, fieldName);
        if (declared(objectCode).field(fieldName).map(FieldDef::required).orElse(false)) {
            throw InvalidInputException.of(null, "customize.error.required-by-design", label(field, ZH));
        }
        FieldSetting now = setting(objectCode, fieldName);
        store.saveFieldSetting(objectCode, fieldName, new FieldSetting(required, now.hidden(), now.position()));
    }

    public void setHidden(long actorId, String objectCode, String fieldName, boolean hidden) {
        requireAdministrator(actorId);
        anyField(objectCode, fieldName);
        if (declared(objectCode).nameField().equals(fieldName)) {
            throw InvalidInputException.of(null, "customize.error.name-field");
        }
        FieldSetting now = setting(objectCode, fieldName);
        store.saveFieldSetting(objectCode, fieldName, new FieldSetting(now.required(), hidden, now.position()));
    }

    /** Moves a shown field one place up ({@code -1}) or down ({@code +1}) in forms and lists. */
    public void move(long actorId, String objectCode, String fieldName, int step) {
        requireAdministrator(actorId);
        List<String> order = new ArrayList<>(current(objectCode).fields().stream().map(FieldDef::name).toList());
        int from = order.indexOf(fieldName);
        int to = from + Integer.signum(step);
        if (from < 0 || to < 0 || to >= order.size()) {
            return;
        }
        order.add(to, order.remove(from));
        for (int i = 0; i < order.size(); i++) {
            FieldSetting now = setting(objectCode, order.get(i));
            store.saveFieldSetting(objectCode, order.get(i), new FieldSetting(now.required(), now.hidden(), (i + 1) * 10));
        }
    }

    /** Adds a custom field of a kind that needs no target object (every kind but a lookup). */
    public String addCustomField(long actorId, String objectCode, String zh, String en, CustomFieldKind kind,
                                 List<String> optionLines) {
        return addCustomField(actorId, objectCode, zh, en, kind, optionLines, null);
    }

    /**
     * Adds a custom field with its wording in both languages; for a picklist, its options one per
     * line; for a lookup, the object whose records it points at (any registered object, this one
     * too). The column exists, and the field shows on forms, lists, filters, import, export and
     * the API, as soon as this returns.
     */
    public String addCustomField(long actorId, String objectCode, String zh, String en, CustomFieldKind kind,
                                 List<String> optionLines, String targetObject) {
        requireAdministrator(actorId);
        ObjectDef declared = declared(objectCode);
        InputChecks checks = new InputChecks();
        String labelZh = checks.required("labelZh", zh, LABEL_MAX);
        String labelEn = checks.required("labelEn", en, LABEL_MAX);
        checks.check(kind != null, "kind", "validation.required");
        List<String> options = optionLines == null ? List.of()
                : optionLines.stream().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
        if (kind != null && kind.hasOptions()) {
            checks.check(!options.isEmpty(), "options", "customize.error.options-required");
            checks.check(options.size() <= 100, "options", "customize.error.too-many-options", 100);
        }
        if (kind != null && kind.needsTarget()) {
            checks.check(targetObject != null && objects.find(targetObject).isPresent(), "target",
                    "customize.error.target-required");
        }
        if (labelZh != null && labelEn != null && current(objectCode).fields().stream()
                .anyMatch(f -> label(f, ZH).equalsIgnoreCase(labelZh) || label(f, EN).equalsIgnoreCase(labelEn))) {
            checks.add("labelZh", "customize.error.label-taken");
        }
        checks.throwIfAny();
        String name = freeName(declared, labelEn);
        store.addCustomField(declared, name, kind, kind.needsTarget() ? targetObject : null, actorId);
        store.saveLabel(CustomLabels.field(objectCode, name), labelZh, labelEn);
        for (int i = 0; i < options.size(); i++) {
            String code = "opt_" + (i + 1);
            store.saveOptionSetting(objectCode, name, new OptionSetting(code, null, true, (i + 1) * 10, true));
            store.saveLabel(CustomLabels.option(objectCode, name, code), options.get(i), options.get(i));
        }
        return name;
    }

    /** Deactivates or brings back a custom field; its column and data stay either way. */
    public void setActive(long actorId, String objectCode, String fieldName, boolean active) {
        requireAdministrator(actorId);
        store.current().customFields(objectCode).stream().filter(f -> f.name().equals(fieldName)).findFirst()
                .orElseThrow(() -> new NotFoundException("custom field " + fieldName));
        store.setCustomFieldActive(objectCode, fieldName, active);
    }

    /** Adds an option to a picklist, with its wording in both languages. */
    public void addOption(long actorId, String objectCode, String fieldName, String zh, String en) {
        requireAdministrator(actorId);
        List<PicklistOption> options = options(objectCode, fieldName);
        InputChecks checks = new InputChecks();
        String labelZh = checks.required("optionZh", zh, LABEL_MAX);
        String labelEn = checks.required("optionEn", en, LABEL_MAX);
        checks.throwIfAny();
        String code;
        int n = options.size() + 1;
        do {
            code = "opt_" + n++;
        } while (hasOption(options, code));
        store.saveOptionSetting(objectCode, fieldName, new OptionSetting(code, null, true, n * 10, true));
        store.saveLabel(CustomLabels.option(objectCode, fieldName, code), labelZh, labelEn);
    }

    /** Changes an option's wording, colour and whether it can still be chosen (old records keep it). */
    public void saveOption(long actorId, String objectCode, String fieldName, String code, String zh, String en,
                           String color, boolean active, int position) {
        requireAdministrator(actorId);
        PicklistOption option = options(objectCode, fieldName).stream().filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("option " + code));
        if (color != null && !color.isBlank() && !color.matches("#[0-9a-fA-F]{6}")) {
            throw InvalidInputException.of("color", "customize.error.color");
        }
        boolean added = option.labelKey().equals(CustomLabels.option(objectCode, fieldName, code));
        store.saveOptionSetting(objectCode, fieldName, new OptionSetting(code, color == null || color.isBlank() ? null : color,
                active, position, added));
        store.saveLabel(option.labelKey(), checkedLabel("optionZh", zh), checkedLabel("optionEn", en));
    }

    /** An option's or field's wording in one language, as shown now. */
    public String text(String key, boolean chinese) {
        return messages.getMessage(key, null, key, chinese ? ZH : EN);
    }

    List<PicklistOption> options(String objectCode, String fieldName) {
        FieldDef field = current(objectCode).field(fieldName).orElseThrow(() -> new NotFoundException("field " + fieldName));
        return switch (field.type()) {
            case FieldType.Picklist p -> p.options();
            case FieldType.MultiPicklist p -> p.options();
            default -> throw new NotFoundException("picklist " + fieldName);
        };
    }

    private FieldRow row(ObjectDef declared, FieldDef field, boolean hidden, boolean active) {
        boolean declaredRequired = declared.field(field.name()).map(FieldDef::required).orElse(false);
        return new FieldRow(field, label(field, ZH), label(field, EN), field.isCustom(), hidden, active, declaredRequired,
                declared.nameField().equals(field.name()));
    }

    private String label(FieldDef field, Locale locale) {
        return messages.getMessage(field.labelKey(), null, field.name(), locale);
    }

    private String checkedLabel(String field, String text) {
        InputChecks checks = new InputChecks();
        String label = checks.required(field, text, LABEL_MAX);
        checks.throwIfAny();
        return label;
    }

    /** A column name from the English label (cf_contract_region), numbered when taken. */
    private String freeName(ObjectDef declared, String labelEn) {
        String slug = Normalizer.normalize(labelEn, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            slug = "field" + (slug.isEmpty() ? "" : "_" + slug);
        }
        slug = slug.length() > 30 ? slug.substring(0, 30).replaceAll("_+$", "") : slug;
        String name = "cf_" + slug;
        for (int n = 2; declared.field(name).isPresent() || store.columnExists(declared.table(), name)
                || store.columnExists(declared.table(), name + "_currency"); n++) {
            name = "cf_" + slug + "_" + n;
        }
        return name;
    }

    private FieldSetting setting(String objectCode, String fieldName) {
        return Optional.ofNullable(store.current().fieldSettings(objectCode).get(fieldName))
                .orElse(new FieldSetting(null, false, null));
    }

    private FieldDef anyField(String objectCode, String fieldName) {
        return declaredAndCustom(objectCode).stream().filter(f -> f.name().equals(fieldName)).findFirst()
                .orElseThrow(() -> new NotFoundException("field " + fieldName));
    }

    /** Declared and custom fields, shown or not. */
    private List<FieldDef> declaredAndCustom(String objectCode) {
        List<FieldDef> all = new ArrayList<>(declared(objectCode).fields());
        store.current().customFields(objectCode).forEach(c -> all.add(FieldDef.optional(c.name(),
                CustomLabels.field(objectCode, c.name()), c.type())));
        return all;
    }

    private ObjectDef declared(String objectCode) {
        return objects.declared(objectCode).orElseThrow(() -> new NotFoundException("object " + objectCode));
    }

    private ObjectDef current(String objectCode) {
        return objects.find(objectCode).orElseThrow(() -> new NotFoundException("object " + objectCode));
    }

    private static boolean hasOption(List<PicklistOption> options, String code) {
        return options.stream().anyMatch(o -> o.code().equals(code));
    }

    private void requireAdministrator(long actorId) {
        if (!permissions.isAdministrator(actorId)) {
            throw new AccessDeniedException("customization is for administrators");
        }
    }
}
