package io.haina.crm.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move forward (lockout expiry, token expiry, pool returns) instead of sleeping. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>();
    private final ZoneId zone;

    public MutableClock(ZoneId zone) {
        this.zone = zone;
        reset();
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Back to the real time. */
    public void reset() {
        now.set(Instant.now());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock clock = new MutableClock(zone);
        clock.now.set(now.get());
        return clock;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
