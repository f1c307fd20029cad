/**
 * The generic record pages. {@link io.haina.crm.platform.records.pages.FieldDisplay} is open to
 * other modules (a named interface): files exported and imported show values as the pages do.
 */
@org.springframework.modulith.NamedInterface("pages")
package io.haina.crm.platform.records.pages;
