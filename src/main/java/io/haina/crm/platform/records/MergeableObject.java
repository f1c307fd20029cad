package io.haina.crm.platform.records;

/**
 * Declares, as a bean, that two records of an object may be merged into one by users (customers:
 * the same company entered twice). The engine merges any object the same way; the declaration
 * decides where the pages and the API offer it.
 */
public record MergeableObject(String objectCode) {
}
