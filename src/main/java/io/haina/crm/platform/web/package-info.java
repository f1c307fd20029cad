/**
 * The shell every page stands in: layout and navigation, language (zh-CN / English) and its
 * resolution, form errors, and the error pages and problem responses. It knows nothing of users
 * or permissions beyond the {@link io.haina.crm.platform.web.ShellUser} view other modules give it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package io.haina.crm.platform.web;
