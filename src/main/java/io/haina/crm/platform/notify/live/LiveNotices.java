package io.haina.crm.platform.notify.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.haina.crm.platform.notify.inbox.UnreadCounts;

/**
 * The open notification streams of this app instance, by user: each page a user has open holds
 * one. When a user's unread count changes, every page of theirs gets an {@code unread} event with
 * the new count. A comment every {@link #HEARTBEAT} keeps proxies from closing an idle stream and
 * finds the streams whose page is gone. A stream ends after {@link #LIFETIME}; the browser opens a
 * new one by itself, which checks the user is still signed in.
 */
@Component
public class LiveNotices implements SmartLifecycle {

    static final Duration HEARTBEAT = Duration.ofSeconds(25);
    static final Duration LIFETIME = Duration.ofMinutes(30);
    /** How long a browser waits before it opens a stream again after losing one. */
    static final Duration RECONNECT = Duration.ofSeconds(5);
    static final String EVENT = "unread";

    private static final Logger log = LoggerFactory.getLogger(LiveNotices.class);

    private final Map<Long, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final UnreadCounts counts;
    // Writing to a slow client may block: never on the thread that committed or that listens to the database.
    private volatile ExecutorService writers;
    private volatile ScheduledExecutorService heartbeat;

    LiveNotices(UnreadCounts counts) {
        this.counts = counts;
    }

    /** A stream for one page of the user, starting with their unread count now. */
    public SseEmitter open(long userId) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        streams.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable forget = () -> forget(userId, emitter);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(error -> forget.run());
        write(userId, emitter, SseEmitter.event().reconnectTime(RECONNECT.toMillis())
                .name(EVENT).data(counts.of(userId)));
        return emitter;
    }

    /** The user's unread count changed: their open pages get the new one. */
    public void changed(long userId) {
        ExecutorService pool = writers;
        if (pool != null && streams.containsKey(userId)) {
            pool.execute(() -> sendCount(userId));
        }
    }

    /** Changes may have been missed (the database connection was lost): every open page gets its count again. */
    public void changedForEveryone() {
        streams.keySet().forEach(this::changed);
    }

    /** How many streams are open here, for tests and logs. */
    public int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private void sendCount(long userId) {
        Set<SseEmitter> open = streams.get(userId);
        if (open == null || open.isEmpty()) {
            return;
        }
        int unread = counts.of(userId);
        open.forEach(emitter -> write(userId, emitter, SseEmitter.event().name(EVENT).data(unread)));
    }

    private void beat() {
        try {
            streams.forEach((userId, open) -> open.forEach(emitter -> write(userId, emitter, SseEmitter.event().comment("♥"))));
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: keep beating.
            log.warn("Notification stream heartbeat failed", e);
        }
    }

    private void write(long userId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            // The page was closed or the stream already ended; the container completes it.
            forget(userId, emitter);
        }
    }

    private void forget(long userId, SseEmitter emitter) {
        streams.computeIfPresent(userId, (id, open) -> {
            open.remove(emitter);
            return open.isEmpty() ? null : open;
        });
    }

    @Override
    public void start() {
        writers = Executors.newVirtualThreadPerTaskExecutor();
        heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("notice-heartbeat").factory());
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Ends every stream before the web server's graceful shutdown begins, which would otherwise
     * wait its whole grace period for these never-ending responses.
     */
    @Override
    public void stop() {
        heartbeat.shutdownNow();
        writers.shutdownNow();
        int ended = openStreams();
        streams.values().forEach(open -> open.forEach(SseEmitter::complete));
        streams.clear();
        writers = null;
        heartbeat = null;
        if (ended > 0) {
            log.info("Closed {} notification streams for shutdown", ended);
        }
    }

    @Override
    public boolean isRunning() {
        return writers != null;
    }
}
