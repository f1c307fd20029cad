/**
 * Saved list views. Open to other modules (a named interface): the REST API saves and lists them
 * as the list page does.
 */
@org.springframework.modulith.NamedInterface("views")
package io.haina.crm.platform.records.views;
