package io.haina.crm.marketing.webform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often one address may post one form: at most {@code perMinute} posts in any minute and
 * {@code perHour} in any hour (sliding windows), so that a script cannot bury the sales team in
 * leads. Every post counts, accepted or not: refusing bad input costs as much as accepting it.
 *
 * <p>The windows are kept in this process's memory: with several app instances behind a load
 * balancer each instance counts on its own, so the effective limit is the limit times the number
 * of instances a client reaches. That is enough to stop a flood; a shared limit would move to
 * PostgreSQL (or the proxy in front) when the app runs on several instances.
 */
@Component
class SubmissionRateLimit {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    /** Past this many tracked addresses, old windows are swept before adding more (a flood from many addresses). */
    private static final int SWEEP_ABOVE = 10_000;

    private final int perMinute;
    private final int perHour;
    private final Clock clock;
    private final Map<String, Deque<Instant>> posts = new ConcurrentHashMap<>();

    SubmissionRateLimit(@Value("${haina.web-forms.posts-per-minute:5}") int perMinute,
                        @Value("${haina.web-forms.posts-per-hour:30}") int perHour, Clock clock) {
        this.perMinute = perMinute;
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Counts a post of the form from the address; false when it is one too many. */
    boolean tryPost(String formKey, String address) {
        Instant now = clock.instant();
        if (posts.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Deque<Instant> times = posts.computeIfAbsent(formKey + '|' + address, k -> new ArrayDeque<>());
        synchronized (times) {
            dropBefore(times, now.minus(HOUR));
            if (times.size() >= perHour || countSince(times, now.minus(MINUTE)) >= perMinute) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private void sweep(Instant now) {
        posts.values().removeIf(times -> {
            synchronized (times) {
                dropBefore(times, now.minus(HOUR));
                return times.isEmpty();
            }
        });
    }

    private static void dropBefore(Deque<Instant> times, Instant cutoff) {
        while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
            times.pollFirst();
        }
    }

    private static int countSince(Deque<Instant> times, Instant since) {
        int count = 0;
        for (Iterator<Instant> it = times.descendingIterator(); it.hasNext() && !it.next().isBefore(since); ) {
            count++;
        }
        return count;
    }
}
