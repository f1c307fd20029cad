/**
 * Customization (A5): the administrator's pages for objects — field labels in both languages,
 * required, hidden, order, picklist options, custom fields added live as columns — and field
 * permissions per role. Changes are stored by the metadata module and take effect without a restart.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customization")
package io.haina.crm.platform.customize;
