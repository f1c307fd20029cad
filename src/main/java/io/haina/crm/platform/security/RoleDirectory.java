package io.haina.crm.platform.security;

import java.util.Map;
import java.util.Set;

import io.haina.crm.platform.web.Messages;

/** The roles of the company, for features that share things with roles (saved list views, later reports). */
public interface RoleDirectory {

    /** Every role's id and its name in the reader's language, in the order the role pages list them. */
    Map<Long, String> roleNames(Messages msg);

    Set<Long> rolesOf(long userId);

    /** The user's roles that grant the action on the object (field permissions are read from those). */
    Set<Long> rolesGranting(long userId, String objectCode, ObjectAction action);
}
