/**
 * Who may do what: sign-in (web, remember-me, API tokens, lockout), first-run setup, the
 * organization (departments, users, managers), roles with per-object actions and data scopes.
 *
 * <p>Other modules use the types of this package only: {@link io.haina.crm.platform.security.CurrentUsers}
 * for the user of a request, {@link io.haina.crm.platform.security.Permissions} for "may this user do
 * this action on this object", {@link io.haina.crm.platform.security.DataScope} for "whose records
 * may this user see", and declare their objects as {@link io.haina.crm.platform.security.SecuredObject} beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security and organization")
package io.haina.crm.platform.security;
