package io.haina.crm.platform.records;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.FieldAccess;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.security.AccessCache;
import io.haina.crm.platform.security.AccessVersion;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.RequestMemo;
import io.haina.crm.platform.security.RoleDirectory;

/**
 * Field permissions (A4): a role hides a field, makes it read-only, or masks it (phones and
 * e-mails shown as 138****5678). A user gets the most open access among their roles that grant
 * viewing the object, so a second role never takes away what the first gives; administrators see
 * everything. The record engine applies this when it hands an actor their view of an object.
 */
@Service
// Every record read asks here, mostly answered from the cache: joins the caller's transaction, opens
// none of its own for a read (see RecordFinder); changes to the rules open theirs.
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class FieldPermissions {

    /** How a role restricts a field, from least to most. */
    public enum Restriction {
        READ_ONLY, MASKED, HIDDEN
    }

    private static final Table<Record> RULE = table(name("field_permission"));
    private static final Field<Long> ROLE = field(name("field_permission", "role_id"), Long.class);
    private static final Field<String> OBJECT = field(name("field_permission", "object_code"), String.class);
    private static final Field<String> FIELD = field(name("field_permission", "field_name"), String.class);
    private static final Field<String> ACCESS = field(name("field_permission", "access"), String.class);
    private static final String MEMO = FieldPermissions.class.getName() + ".";

    /** Users times objects with rules; beyond this many the restrictions are computed, not kept. */
    private static final int KEPT = 50_000;

    private final DSLContext db;
    private final RoleDirectory roles;
    private final Permissions permissions;
    private final AccessCache<Reader, Map<String, Restriction>> restrictions;

    FieldPermissions(DSLContext db, RoleDirectory roles, Permissions permissions, AccessVersion version) {
        this.db = db;
        this.roles = roles;
        this.permissions = permissions;
        this.restrictions = new AccessCache<>(version, KEPT);
    }

    /** The object as the actor may see it: hidden fields left out, the others marked read-only or masked. */
    ObjectDef tailor(long actorId, ObjectDef object) {
        Map<String, Restriction> restrictions = restrictionsFor(actorId, object.code());
        if (restrictions.isEmpty()) {
            return object;
        }
        List<FieldDef> fields = new ArrayList<>();
        for (FieldDef field : object.fields()) {
            Restriction restriction = field.name().equals(object.nameField()) ? null : restrictions.get(field.name());
            if (restriction == null) {
                fields.add(field);
            } else if (restriction != Restriction.HIDDEN) {
                fields.add(field.withAccess(restriction == Restriction.MASKED ? FieldAccess.MASKED : FieldAccess.READ_ONLY));
            }
        }
        return object.withFields(fields);
    }

    /** Field → restriction for the actor; kept per access version and looked up once per request. */
    Map<String, Restriction> restrictionsFor(long actorId, String objectCode) {
        Reader reader = new Reader(actorId, objectCode);
        return RequestMemo.get(MEMO + actorId + "." + objectCode, () -> restrictions.get(reader, this::compute));
    }

    private record Reader(long actorId, String objectCode) {
    }

    private Map<String, Restriction> compute(Reader reader) {
        return compute(reader.actorId(), reader.objectCode());
    }

    private Map<String, Restriction> compute(long actorId, String objectCode) {
        // Most objects have no rules at all: one query answers that before roles are looked at.
        Map<String, Map<Long, Restriction>> rules = new HashMap<>();
        db.select(ROLE, FIELD, ACCESS).from(RULE).where(OBJECT.eq(objectCode)).forEach(r ->
                rules.computeIfAbsent(r.value2(), f -> new HashMap<>()).put(r.value1(), Restriction.valueOf(r.value3())));
        if (rules.isEmpty() || permissions.isAdministrator(actorId)) {
            return Map.of();
        }
        Set<Long> viewing = roles.rolesGranting(actorId, objectCode, ObjectAction.VIEW);
        // A field is restricted only when every role through which the actor views the object
        // restricts it; then the most open of those restrictions applies.
        Map<String, Restriction> restrictions = new HashMap<>();
        rules.forEach((fieldName, byRole) -> {
            if (!viewing.isEmpty() && byRole.keySet().containsAll(viewing)) {
                restrictions.put(fieldName, viewing.stream().map(byRole::get).min(Enum::compareTo).orElseThrow());
            }
        });
        return Map.copyOf(restrictions);
    }

    /** A role's rules for one object, for the role page. */
    public Map<String, Restriction> rulesOf(long roleId, String objectCode) {
        Map<String, Restriction> rules = new HashMap<>();
        db.select(FIELD, ACCESS).from(RULE).where(ROLE.eq(roleId)).and(OBJECT.eq(objectCode))
                .forEach(r -> rules.put(r.value1(), Restriction.valueOf(r.value2())));
        return rules;
    }

    /** Replaces a role's rules for one object; administrators only. Fields not named become editable. */
    @Transactional
    public void replaceRules(long actorId, long roleId, ObjectDef object, Map<String, Restriction> rules) {
        if (!permissions.isAdministrator(actorId)) {
            throw new AccessDeniedException("field permissions are set by administrators");
        }
        db.deleteFrom(RULE).where(ROLE.eq(roleId)).and(OBJECT.eq(object.code())).execute();
        rules.forEach((fieldName, restriction) -> {
            if (object.field(fieldName).isEmpty() || fieldName.equals(object.nameField())) {
                throw io.haina.crm.platform.web.InvalidInputException.of(fieldName, "field-permission.error.field", fieldName);
            }
            db.insertInto(RULE).set(ROLE, roleId).set(OBJECT, object.code()).set(FIELD, fieldName)
                    .set(ACCESS, restriction.name()).execute();
        });
    }
}
