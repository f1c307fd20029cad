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
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/metadata/{object}}: an object's fields, labelled in the caller's language, for those who may view it. */
@RestController
@Tag(name = "Metadata")
class MetadataApiController {

    private final ObjectRegistry objects;
    private final Permissions permissions;
    private final CurrentUsers users;

    MetadataApiController(ObjectRegistry objects, Permissions permissions, CurrentUsers users) {
        this.objects = objects;
        this.permissions = permissions;
        this.users = users;
    }

    record OptionView(String code, String label, boolean active) {
    }

    record FieldView(String name, String label, String type, boolean required, boolean unique, String lookupObject,
                     List<OptionView> options) {
    }

    record ObjectView(String object, String label, String nameField, List<FieldView> fields, List<String> defaultColumns) {
    }

    @GetMapping("/api/v1/metadata/{object}")
    ObjectView describe(@PathVariable String object, Messages msg) {
        ObjectDef def = objects.find(object).orElseThrow(() -> new NotFoundException("object " + object));
        permissions.require(users.require().id(), object, ObjectAction.VIEW);
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
        return new FieldView(field.name(), msg.t(field.labelKey()), type, field.required(), field.unique(), lookup, options);
    }
}
