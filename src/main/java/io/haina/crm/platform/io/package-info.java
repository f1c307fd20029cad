/**
 * Import and export of records (A11). Files come in as CSV or XLSX, are mapped to fields, checked
 * (dry run), imported in the background with progress, and can be undone; any list view goes out
 * as CSV or XLSX, streamed. Everything passes through the record engine's public API, so the
 * importer's and exporter's grants and data scope apply to every row.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Import and export")
package io.haina.crm.platform.io;
