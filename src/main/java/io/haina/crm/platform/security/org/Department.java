package io.haina.crm.platform.security.org;

/** A department; {@code parentId} is null for the top of the tree. */
public record Department(long id, Long parentId, String name, int sortOrder, int version) {
}
