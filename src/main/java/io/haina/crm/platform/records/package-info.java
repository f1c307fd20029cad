/**
 * The record engine: one {@link io.haina.crm.platform.records.RecordService} reads and writes the
 * records of every object declared in the metadata, and is the only code that touches record
 * tables. Every call passes the same checks: the role's action on the object, the data scope on
 * the record's owner, input validation per field type, optimistic locking; every change leaves
 * field-level history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records")
package io.haina.crm.platform.records;
