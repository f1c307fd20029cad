package io.haina.crm.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.Messages;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/metadata/{object}}: an object's fields as the caller may see them, labelled in their language. */
@RestController
@Tag(name = "Metadata")
class MetadataApiController {

    private final RecordFinder finder;
    private final CurrentUsers users;

    MetadataApiController(RecordFinder finder, CurrentUsers users) {
        this.finder = finder;
        this.users = users;
    }

    record OptionView(String code, String label, boolean active) {
    }

    /** {@code access}: editable, read-only or masked for the caller; fields hidden from them are not listed. */
    record FieldView(String name, String label, String type, boolean required, boolean unique, String access,
                     String lookupObject, List<OptionView> options) {
    }

    record ObjectView(String object, String label, String nameField, List<FieldView> fields, List<String> defaultColumns) {
    }

    @GetMapping("/api/v1/metadata/{object}")
    ObjectView describe(@PathVariable String object, Messages msg) {
        ObjectDef def = finder.describe(users.require().id(), object);
        return new ObjectView(def.code(), msg.t(def.labelKey()), def.nameField(),
                def.fields().stream().map(f -> field(f, msg)).toList(), def.defaultColumns());
    }

    private static FieldView field(FieldDef field, Messages msg) {
        List<OptionView> options = switch (field.type()) {
            case FieldType.Picklist p -> p.options().stream().map(o -> new OptionView(o.code(), msg.t(o.labelKey()), o.active())).toList();
            case FieldType.MultiPicklist p -> p.options().stream().map(o -> new OptionView(o.code(), msg.t(o.labelKey()), o.active())).toList();
            default -> null;
        };
        String lookup = field.type() instanceof FieldType.Lookup l ? l.targetObject() : null;
        String type = field.type().labelKey().substring("field.type.".length());
        String access = field.access().name().toLowerCase(java.util.Locale.ROOT).replace("read_only", "readOnly");
        return new FieldView(field.name(), msg.t(field.labelKey()), type, field.required(), field.unique(), access,
                lookup, options);
    }
}
