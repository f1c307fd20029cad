/**
 * Where Haina's data lives: the embedded PostgreSQL started by the application when no external
 * database is configured, kept in {@code <haina.data-dir>/postgres} across restarts and crashes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package io.haina.crm.platform.database;
