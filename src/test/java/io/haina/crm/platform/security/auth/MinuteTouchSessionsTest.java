package io.haina.crm.platform.security.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

class MinuteTouchSessionsTest {

    private final CountingStore store = new CountingStore();
    @SuppressWarnings("unchecked")
    private final FindByIndexNameSessionRepository<Session> sessions =
            (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) MinuteTouchSessions.around(store, Duration.ofMinutes(1));
    private String id;
    private Instant stored;

    @BeforeEach
    void aSessionInTheStore() {
        Session created = sessions.createSession();
        created.setAttribute("user", "wang");
        sessions.save(created);
        id = created.getId();
        stored = created.getLastAccessedTime();
        store.saved.clear();
    }

    @Test
    void aPageViewWithinAMinuteOfTheStoredAccessWritesNothing() {
        Session viewed = sessions.findById(id);
        viewed.setLastAccessedTime(stored.plusSeconds(59));
        sessions.save(viewed);

        assertThat(store.saved).isEmpty();
        assertThat(store.sessions.get(id).getLastAccessedTime()).isEqualTo(stored);
    }

    @Test
    void aPageViewAMinuteAfterTheStoredAccessWritesIt() {
        Session viewed = sessions.findById(id);
        viewed.setLastAccessedTime(stored.plusSeconds(60));
        sessions.save(viewed);

        assertThat(store.saved).containsExactly(id);
        assertThat(store.sessions.get(id).getLastAccessedTime()).isEqualTo(stored.plusSeconds(60));
    }

    @Test
    void anyOtherChangeIsWrittenAtOnce() {
        Session attribute = sessions.findById(id);
        attribute.setAttribute("locale", "en");
        sessions.save(attribute);
        Session removed = sessions.findById(id);
        removed.removeAttribute("locale");
        sessions.save(removed);
        Session timeout = sessions.findById(id);
        timeout.setMaxInactiveInterval(Duration.ofHours(1));
        sessions.save(timeout);
        Session signedIn = sessions.findById(id);
        String newId = signedIn.changeSessionId();
        sessions.save(signedIn);

        assertThat(store.saved).containsExactly(id, id, id, newId);
        assertThat(store.sessions.get(newId).getMaxInactiveInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(store.sessions.get(newId).<String>getAttribute("locale")).isNull();
    }

    @Test
    void aNewSessionIsWrittenEvenUntouched() {
        Session fresh = sessions.createSession();
        sessions.save(fresh);

        assertThat(store.saved).containsExactly(fresh.getId());
    }

    @Test
    void sessionsFoundByTheirUserAreTheStoresOwn() {
        store.sessions.get(id).setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "wang");

        Map<String, Session> found = new HashMap<>(sessions.findByPrincipalName("wang"));
        sessions.deleteById(id);

        assertThat(found).containsOnlyKeys(id);
        assertThat(found.get(id).<String>getAttribute("user")).isEqualTo("wang");
        assertThat(store.sessions).doesNotContainKey(id);
    }

    /** A store kept in a map that notes each save, as the JDBC store would send each to the database. */
    private static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, MapSession> sessions = new HashMap<>();
        final List<String> saved = new ArrayList<>();

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            saved.add(session.getId());
            // A changed id replaces the stored one, as the JDBC store's update does.
            sessions.remove(session.getOriginalId());
            sessions.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            MapSession found = sessions.get(id);
            return found == null ? null : new MapSession(found);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, MapSession> found = new HashMap<>();
            sessions.forEach((id, session) -> {
                if (indexValue.equals(session.getAttribute(indexName))) {
                    found.put(id, new MapSession(session));
                }
            });
            return found;
        }
    }
}
