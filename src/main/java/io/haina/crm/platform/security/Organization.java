package io.haina.crm.platform.security;

import java.util.Optional;

/** Facts about the organization other modules need, such as the department a record's owner belongs to. */
public interface Organization {

    Optional<Long> departmentOf(long userId);

    boolean isActiveUser(long userId);

    Optional<String> displayNameOf(long userId);
}
