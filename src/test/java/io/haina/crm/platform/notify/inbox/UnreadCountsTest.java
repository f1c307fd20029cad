package io.haina.crm.platform.notify.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UnreadCountsTest {

    static final long BOB = 7;
    static final long LI = 8;

    /** The database's counts, how often each was read, and what happens while one is read. */
    static final class StoredCounts extends NotificationRepository {
        final Map<Long, Integer> unread = new HashMap<>();
        int reads;
        Runnable duringRead = () -> { };

        StoredCounts() {
            super(null);
        }

        @Override
        public int countUnread(long userId) {
            reads++;
            int read = unread.getOrDefault(userId, 0);
            Runnable meanwhile = duringRead;
            duringRead = () -> { };
            meanwhile.run();
            return read;
        }
    }

    final StoredCounts stored = new StoredCounts();
    final UnreadCounts counts = new UnreadCounts(stored);

    @Test
    void withoutTheListenerEveryCountIsRead() {
        stored.unread.put(BOB, 3);
        assertThat(counts.of(BOB)).isEqualTo(3);
        assertThat(counts.of(BOB)).isEqualTo(3);
        assertThat(stored.reads).isEqualTo(2);
    }

    @Test
    void aCountIsKeptUntilItsUserHasAChange() {
        counts.hearingEveryChange(true);
        stored.unread.put(BOB, 3);
        stored.unread.put(LI, 1);
        assertThat(counts.of(BOB)).isEqualTo(3);
        assertThat(counts.of(LI)).isEqualTo(1);
        assertThat(counts.of(BOB)).isEqualTo(3);
        assertThat(stored.reads).as("Bob's second count came from memory").isEqualTo(2);

        stored.unread.put(BOB, 4);
        counts.changed(BOB);
        assertThat(counts.of(BOB)).isEqualTo(4);
        assertThat(counts.of(LI)).as("Li's count stays kept").isEqualTo(1);
        assertThat(stored.reads).isEqualTo(3);
    }

    @Test
    void aCountReadWhileAChangeCommittedIsNotKept() {
        // The read sees 3; meanwhile a notice to Bob commits and is announced.
        assertReadMeanwhileIsNotKept(() -> {
            stored.unread.put(BOB, 4);
            counts.changed(BOB);
        }, 4);
    }

    @Test
    void aCountReadWhileEverythingWasForgottenIsNotKept() {
        assertReadMeanwhileIsNotKept(() -> {
            stored.unread.put(BOB, 5);
            counts.forgetAll();
        }, 5);
    }

    private void assertReadMeanwhileIsNotKept(Runnable change, int after) {
        counts.hearingEveryChange(true);
        stored.unread.put(BOB, 3);
        stored.duringRead = change;
        assertThat(counts.of(BOB)).isEqualTo(3);
        assertThat(counts.of(BOB)).as("read again, not the 3 read before the change").isEqualTo(after);
        assertThat(counts.of(BOB)).isEqualTo(after);
        assertThat(stored.reads).isEqualTo(2);
    }

    @Test
    void losingTheListenerStopsTrustingKeptCountsAndHearingAgainForgetsThem() {
        counts.hearingEveryChange(true);
        stored.unread.put(BOB, 3);
        assertThat(counts.of(BOB)).isEqualTo(3);

        counts.hearingEveryChange(false);
        stored.unread.put(BOB, 6); // a change nobody here heard of
        assertThat(counts.of(BOB)).isEqualTo(6);

        counts.hearingEveryChange(true);
        assertThat(counts.of(BOB)).as("not the 3 kept before the listener was lost").isEqualTo(6);
        assertThat(counts.of(BOB)).isEqualTo(6);
        assertThat(stored.reads).isEqualTo(3);
    }
}
