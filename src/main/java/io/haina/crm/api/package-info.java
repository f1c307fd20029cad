/**
 * The REST API, version 1: every object declared on the record engine under
 * {@code /api/v1/objects/{object}}, and its description under {@code /api/v1/metadata/{object}}.
 * The same record engine answers as for the pages, so the same grants and scopes apply.
 */
@org.springframework.modulith.ApplicationModule(displayName = "REST API")
package io.haina.crm.api;
