package io.haina.crm.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values computed from access data (a user's merged grants, the org chart, field restrictions,
 * "is this user on any team of that object"), kept until the {@link AccessVersion} moves. Every
 * request then pays one tiny read instead of reloading roles, departments and users, and a
 * change to any of them still applies from the next request on, on every app instance.
 *
 * <p>Two cases load without caching. Inside a read-write transaction the loader may see the
 * transaction's own uncommitted changes, which a rollback would leave cached under a version that
 * never held them. And a reader that saw an older version than the cache holds (it started before
 * a commit) must not mix its older view into the newer generation.
 *
 * <p>A loader may answer null for "nothing there" (an unknown token): that is returned and not
 * kept, so lookups of what does not exist cannot fill the cache.
 */
public final class AccessCache<K, V> {

    private final AccessVersion version;
    private final int maxEntries;
    private volatile Generation<K, V> generation = new Generation<>(Long.MIN_VALUE);

    /** @param maxEntries beyond this many keys per version, values are computed and not kept */
    public AccessCache(AccessVersion version, int maxEntries) {
        this.version = version;
        this.maxEntries = maxEntries;
    }

    public V get(K key, Function<? super K, ? extends V> load) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return load.apply(key);
        }
        long current = version.current();
        Generation<K, V> held = generation;
        if (current != held.version) {
            if (current < held.version) {
                return load.apply(key);
            }
            held = new Generation<>(current);
            generation = held;
        }
        V known = held.values.get(key);
        if (known != null) {
            return known;
        }
        V loaded = load.apply(key);
        if (loaded != null && held.values.size() < maxEntries) {
            held.values.put(key, loaded);
        }
        return loaded;
    }

    private record Generation<K, V>(long version, Map<K, V> values) {
        Generation(long version) {
            this(version, new ConcurrentHashMap<>());
        }
    }
}
