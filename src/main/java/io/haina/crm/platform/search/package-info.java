/**
 * Global search: one box in the top bar that finds records of every object the user may view by
 * name, code, e-mail or phone, as suggestions while typing, as a full page, and as
 * {@code /api/v1/search}. It asks the record engine's lists, so grants and data scopes apply as
 * everywhere else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Global search")
package io.haina.crm.platform.search;
