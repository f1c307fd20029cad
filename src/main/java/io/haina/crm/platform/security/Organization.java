package io.haina.crm.platform.security;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Facts about the organization other modules need, such as the department a record's owner belongs to. */
public interface Organization {

    Optional<Long> departmentOf(long userId);

    boolean isActiveUser(long userId);

    Optional<String> displayNameOf(long userId);

    /** Where and in which language to reach the user with a notification; empty for an unknown id. */
    Optional<UserContact> contactOf(long userId);

    /** Everyone below the user in the manager chain, at any depth (the "my subordinates'" scene). */
    Set<Long> subordinatesOf(long userId);

    /** The user's time zone, for "today" and "this week" in filters run on their behalf. */
    ZoneId timeZoneOf(long userId);

    /** Active users by id with their display names, by name: for choosing an owner in filters and bulk changes. */
    Map<Long, String> activeUsers();

    /** Where a user who chose no time zone is taken to be. */
    ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
}
