package io.haina.crm.sales.lead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.metadata.PicklistOption;
import io.haina.crm.platform.security.AdminOperation;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.InputChecks;

/**
 * Settings › Lead conversion: which lead field fills each field of the new customer and contact.
 * Only fields that can take the value are offered, so a saved mapping never makes a conversion
 * fail on a type: text from text-like fields, a picklist from a picklist whose options it has,
 * otherwise the same type. Custom fields take part on both sides.
 */
@Service
public class LeadConversionSettings {

    /** The objects a lead becomes, in the order the page shows them. */
    public static final List<String> TARGETS = List.of("customer", "contact");

    /** Filled by the conversion itself, never from a lead field. */
    private static final Set<String> SET_BY_CONVERSION = Set.of("customer_id", "is_primary");

    private final LeadConversionMapping mapping;
    private final ObjectRegistry objects;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;

    LeadConversionSettings(LeadConversionMapping mapping, ObjectRegistry objects, Permissions permissions,
                           ApplicationEventPublisher events) {
        this.mapping = mapping;
        this.objects = objects;
        this.permissions = permissions;
        this.events = events;
    }

    /** One target field: the lead field filling it now (or null) and the lead fields that could. */
    public record Row(FieldDef target, String leadField, List<FieldDef> choices) {
    }

    /** Per target object, its fillable fields with their mapping as it stands. */
    public Map<String, List<Row>> rows(long actorId) {
        requireAdministrator(actorId);
        ObjectDef lead = object(LeadObject.CODE);
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (String target : TARGETS) {
            Map<String, String> current = mapping.of(target);
            rows.put(target, fillable(object(target)).stream()
                    .map(field -> new Row(field, current.get(field.name()), choicesFor(lead, field)))
                    .toList());
        }
        return rows;
    }

    /**
     * Saves the whole mapping: per target object, target field → lead field (blank: leave the
     * target field empty). Every target field needing a value and having no default must get one.
     */
    @Transactional
    public void save(long actorId, Map<String, Map<String, String>> chosen) {
        requireAdministrator(actorId);
        ObjectDef lead = object(LeadObject.CODE);
        InputChecks checks = new InputChecks();
        Map<String, Map<String, String>> cleaned = new LinkedHashMap<>();
        for (String target : TARGETS) {
            Map<String, String> given = chosen.getOrDefault(target, Map.of());
            Map<String, String> kept = new LinkedHashMap<>();
            for (FieldDef field : fillable(object(target))) {
                String key = target + "." + field.name();
                String leadField = blankToNull(given.get(field.name()));
                if (leadField != null && choicesFor(lead, field).stream().noneMatch(c -> c.name().equals(leadField))) {
                    checks.add(key, "lead.mapping.error.unfit");
                } else if (leadField == null && field.required() && field.defaultInput() == null) {
                    checks.add(key, "lead.mapping.error.required");
                }
                kept.put(field.name(), leadField);
            }
            cleaned.put(target, kept);
        }
        checks.throwIfAny();
        cleaned.forEach(mapping::save);
        events.publishEvent(new AdminOperation(actorId, "LEAD_MAPPING_CHANGED", "lead_conversion_mapping", 0,
                "lead → customer, contact", Map.of()));
    }

    /** The target's fields a lead can fill: editable values, not references or generated numbers. */
    private static List<FieldDef> fillable(ObjectDef target) {
        return target.fields().stream()
                .filter(f -> f.access().editable() && !ObjectDef.RESERVED.contains(f.name()))
                .filter(f -> !SET_BY_CONVERSION.contains(f.name()) && carriesValue(f.type()))
                .toList();
    }

    private static List<FieldDef> choicesFor(ObjectDef lead, FieldDef target) {
        return lead.fields().stream().filter(f -> carriesValue(f.type()) && fits(f.type(), target.type())).toList();
    }

    private static boolean carriesValue(FieldType type) {
        return !(type instanceof FieldType.Lookup || type instanceof FieldType.UserRef || type instanceof FieldType.DepartmentRef
                || type instanceof FieldType.AutoNumber || type instanceof FieldType.Attachment);
    }

    /** Whether every value of {@code from} is a valid value of {@code to}, as far as the type tells. */
    static boolean fits(FieldType from, FieldType to) {
        return switch (to) {
            case FieldType.Text t -> isTextLike(from);
            case FieldType.LongText t -> isTextLike(from);
            case FieldType.Picklist(List<PicklistOption> options) -> from instanceof FieldType.Picklist(List<PicklistOption> given)
                    && codes(options).containsAll(codes(given));
            case FieldType.MultiPicklist(List<PicklistOption> options) -> from instanceof FieldType.MultiPicklist(List<PicklistOption> given)
                    && codes(options).containsAll(codes(given));
            default -> from.getClass() == to.getClass();
        };
    }

    private static boolean isTextLike(FieldType type) {
        return type instanceof FieldType.Text || type instanceof FieldType.LongText || type instanceof FieldType.Email
                || type instanceof FieldType.Phone || type instanceof FieldType.Url;
    }

    private static Set<String> codes(List<PicklistOption> options) {
        return options.stream().map(PicklistOption::code).collect(java.util.stream.Collectors.toSet());
    }

    private ObjectDef object(String code) {
        return objects.find(code).orElseThrow();
    }

    private void requireAdministrator(long actorId) {
        if (!permissions.isAdministrator(actorId)) {
            throw new AccessDeniedException("the lead conversion mapping is set by administrators");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
