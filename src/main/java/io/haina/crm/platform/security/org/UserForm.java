package io.haina.crm.platform.security.org;

import java.util.List;

/**
 * The user form of the admin pages and the fields of the API alike. {@code password} is read on
 * create only; {@code version} on edit only.
 */
public record UserForm(String username, String displayName, String email, String phone, String position,
                       Long departmentId, Long managerId, String password, List<Long> roleIds, Integer version) {

    public static UserForm empty(Long departmentId) {
        return new UserForm("", "", "", "", "", departmentId, null, "", List.of(), null);
    }

    public static UserForm of(UserAccount user, List<Long> roleIds) {
        return new UserForm(user.username(), user.displayName(), nullToEmpty(user.email()), nullToEmpty(user.phone()),
                nullToEmpty(user.position()), user.departmentId(), user.managerId(), "", roleIds, user.version());
    }

    /** The same form without its password, to send back to the browser after a refused save. */
    public UserForm withoutPassword() {
        return new UserForm(username, displayName, email, phone, position, departmentId, managerId, "", roleIds, version);
    }

    public List<Long> roleIdsOrEmpty() {
        return roleIds == null ? List.of() : roleIds;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
