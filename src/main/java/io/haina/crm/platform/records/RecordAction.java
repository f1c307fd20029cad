package io.haina.crm.platform.records;

/**
 * A button on a record's page that another module offers (claim from the pool, convert a lead):
 * a link to a page of its own, or, with {@code post}, a form posting to that path.
 */
public record RecordAction(String id, String labelKey, String icon, String path, boolean post) {
}
