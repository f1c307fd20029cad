package io.haina.crm.platform.security.org;

/** What an administrator types to create a user (the password goes separately, to be hashed). */
public record NewUser(String username, String displayName, String email, String phone, String position,
                      Long departmentId, Long managerId, String locale) {
}
