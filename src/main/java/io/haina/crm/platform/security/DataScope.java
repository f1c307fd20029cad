package io.haina.crm.platform.security;

/**
 * Answers "which owners' records may user U see for object O": the union of the scopes of every
 * role of U that grants viewing O (the widest grant wins); everyone for an administrator; nobody
 * when no role grants viewing O.
 */
public interface DataScope {

    OwnerScope visibleOwners(long userId, String objectCode);
}
