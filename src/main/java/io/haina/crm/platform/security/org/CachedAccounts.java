package io.haina.crm.platform.security.org;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.AccessCache;
import io.haina.crm.platform.security.AccessVersion;

/**
 * Users' accounts as requests read them on every call (the signed-in user, an actor's time zone),
 * kept per {@link AccessVersion}: a change to any field of {@link UserAccount} moves the version
 * (migrations V23, V29), so an account read here is as new as the request's view of access data.
 * Forms that edit an account read {@link UserRepository} itself: they want the row, version and
 * all, even in the request that has just changed it.
 */
@Component
public class CachedAccounts {

    /** Accounts kept per version; beyond this many they are read, not kept. */
    private static final int KEPT = 50_000;

    private final UserRepository users;
    private final AccessCache<Long, Optional<UserAccount>> accounts;

    CachedAccounts(UserRepository users, AccessVersion version) {
        this.users = users;
        this.accounts = new AccessCache<>(version, KEPT);
    }

    public Optional<UserAccount> find(long userId) {
        return accounts.get(userId, users::findById);
    }
}
