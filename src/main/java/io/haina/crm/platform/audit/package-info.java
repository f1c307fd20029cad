/**
 * The audit trail: every sign-in (successful or not) and every change an administrator makes to
 * the organization and roles, written in the same transaction as the change and shown to
 * administrators. Fed by the security module's events only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.haina.crm.platform.audit;
