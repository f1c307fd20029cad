package io.haina.crm.platform.security;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Facts about the organization other modules need, such as the department a record's owner belongs to. */
public interface Organization {

    Optional<Long> departmentOf(long userId);

    boolean isActiveUser(long userId);

    /** Whether the user has left the company (their records wait to be handed over). */
    boolean hasResigned(long userId);

    Optional<String> displayNameOf(long userId);

    /** Where and in which language to reach the user with a notification; empty for an unknown id. */
    Optional<UserContact> contactOf(long userId);

    /** The user's manager (上级) if they have one who is still active: who hears when the user lets something slip. */
    Optional<Long> managerOf(long userId);

    /** Everyone below the user in the manager chain, at any depth (the "my subordinates'" scene). */
    Set<Long> subordinatesOf(long userId);

    /**
     * The user's department and every department above it: what "a member of department X, with
     * the departments below it" checks against.
     */
    Set<Long> departmentLineOf(long userId);

    /** Every department by id with its name, in the order of the department tree's listing. */
    Map<Long, String> departmentNames();

    /** Every user, whatever their status, of the department and the departments below it. */
    Set<Long> usersUnder(long departmentId);

    /** The user's time zone, for "today" and "this week" in filters run on their behalf. */
    ZoneId timeZoneOf(long userId);

    /** Active users by id with their display names, by name: for choosing an owner in filters and bulk changes. */
    Map<Long, String> activeUsers();

    /** Where a user who chose no time zone is taken to be. */
    ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
}
