/**
 * What records are made of: each object ({@link io.haina.crm.platform.metadata.ObjectDef}) is a
 * list of typed fields ({@link io.haina.crm.platform.metadata.FieldDef}) declared in Java by its
 * feature module; {@link io.haina.crm.platform.metadata.FieldType} turns what a user typed (a form,
 * a CSV cell, a JSON value) into a stored value or a reason it is refused.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metadata")
package io.haina.crm.platform.metadata;
