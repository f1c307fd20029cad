package io.haina.crm.platform.security;

import java.util.Set;

/** The owners whose records a user may see for one object: everyone, or a set of user ids. */
public sealed interface OwnerScope {

    boolean includes(long ownerId);

    static OwnerScope all() {
        return All.INSTANCE;
    }

    static OwnerScope none() {
        return new Owners(Set.of());
    }

    static OwnerScope owners(Set<Long> ownerIds) {
        return new Owners(Set.copyOf(ownerIds));
    }

    enum All implements OwnerScope {
        INSTANCE;

        @Override
        public boolean includes(long ownerId) {
            return true;
        }
    }

    record Owners(Set<Long> ids) implements OwnerScope {
        @Override
        public boolean includes(long ownerId) {
            return ids.contains(ownerId);
        }

        public boolean isEmpty() {
            return ids.isEmpty();
        }
    }
}
