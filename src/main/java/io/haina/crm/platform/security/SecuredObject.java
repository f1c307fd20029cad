package io.haina.crm.platform.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * A kind of record roles grant actions on. Each feature module declares its objects as beans; the
 * role editor, {@link Permissions} and {@link DataScope} pick them up.
 *
 * @param code     stable identifier, e.g. {@code customer}
 * @param labelKey message key of its name
 * @param actions  the actions that make sense for it
 * @param owned    whether its records have an owner, so that a data scope applies
 * @param order    position in the role editor
 */
public record SecuredObject(String code, String labelKey, Set<ObjectAction> actions, boolean owned, int order) {

    public SecuredObject {
        if (!code.matches("[a-z][a-z0-9_]{1,40}")) {
            throw new IllegalArgumentException("object code must be lower_snake_case: " + code);
        }
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
    }

    /**
     * An object of the record engine: owned records that are viewed, created, edited, deleted,
     * imported, exported and transferred.
     */
    public static SecuredObject ownedRecords(String code, String labelKey, int order) {
        return new SecuredObject(code, labelKey, EnumSet.of(ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT,
                ObjectAction.DELETE, ObjectAction.IMPORT, ObjectAction.EXPORT, ObjectAction.TRANSFER), true, order);
    }

    public boolean supports(ObjectAction action) {
        return actions.contains(action);
    }
}
