package io.haina.crm.platform.security.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store as the session filter sees it: a page view that changes nothing but the
 * session's last access is not written at all until the stored last access is
 * {@link SessionStoreConfiguration#TOUCH_PRECISION} old (issue 3: the write was a database round
 * trip on every page view, one of four; under load each round trip also waits its turn for a
 * core). Everything else is saved as before: a new session, a new id, changed attributes, a new
 * timeout, and the access once a minute. The database's update statement keeps the same rule for
 * the writes that do arrive, for instances that read a session before another one noted it.
 *
 * <p>Attributes count as changed when they are set or removed, which is when Spring Session's
 * store writes them too (its default save mode); an object changed in place without being set
 * again is not written by either.
 *
 * @param <S> the store's own sessions
 */
final class MinuteTouchSessions<S extends Session> implements FindByIndexNameSessionRepository<MinuteTouchSessions.Touched<S>> {

    private final FindByIndexNameSessionRepository<S> store;
    private final Duration precision;

    private MinuteTouchSessions(FindByIndexNameSessionRepository<S> store, Duration precision) {
        this.store = store;
        this.precision = precision;
    }

    /** In front of this store (whose own session type need not be visible here). */
    static MinuteTouchSessions<?> around(FindByIndexNameSessionRepository<?> store, Duration precision) {
        return of(store, precision);
    }

    private static <T extends Session> MinuteTouchSessions<T> of(FindByIndexNameSessionRepository<T> store, Duration precision) {
        return new MinuteTouchSessions<>(store, precision);
    }

    @Override
    public Touched<S> createSession() {
        Touched<S> created = new Touched<>(store.createSession(), null);
        created.changed = true;
        return created;
    }

    @Override
    public void save(Touched<S> session) {
        if (session.changed || session.storedAccess == null
                || !session.getLastAccessedTime().isBefore(session.storedAccess.plus(precision))) {
            store.save(session.session);
        }
    }

    @Override
    public Touched<S> findById(String id) {
        S found = store.findById(id);
        return found == null ? null : new Touched<>(found, found.getLastAccessedTime());
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map<String, Touched<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Touched<S>> found = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new Touched<>(session, session.getLastAccessedTime())));
        return found;
    }

    /** A session of the store that remembers whether anything but its last access changed. */
    static final class Touched<S extends Session> implements Session {

        private final S session;
        /** The last access as stored when the session was read; null for a new session. */
        private final Instant storedAccess;
        private boolean changed;

        private Touched(S session, Instant storedAccess) {
            this.session = session;
            this.storedAccess = storedAccess;
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            session.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
