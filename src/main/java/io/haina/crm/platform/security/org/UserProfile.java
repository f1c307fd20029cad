package io.haina.crm.platform.security.org;

/** The fields of a user an administrator edits. */
public record UserProfile(String displayName, String email, String phone, String position, Long departmentId,
                          Long managerId) {
}
