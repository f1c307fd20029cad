package io.haina.crm.platform.security.auth;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username, whether the account exists or not, and locks the username
 * for a while after too many within that while. Kept in the database so that every app instance
 * sees the same count, and so that a restart does not reset it.
 */
@Component
public class LoginThrottle {

    private static final Table<Record> THROTTLE = table(name("login_throttle"));
    private static final Field<String> KEY = field(name("login_throttle", "username_key"), String.class);
    private static final Field<Integer> FAILURES = field(name("login_throttle", "failures"), Integer.class);
    private static final Field<OffsetDateTime> FIRST_FAILURE = field(name("login_throttle", "first_failure_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> LOCKED_UNTIL = field(name("login_throttle", "locked_until"), OffsetDateTime.class);

    private final DSLContext db;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginThrottle(DSLContext db, Clock clock,
                  @Value("${haina.security.lockout.max-failures:5}") int maxFailures,
                  @Value("${haina.security.lockout.duration:PT15M}") Duration lockDuration) {
        this.db = db;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    /**
     * Makes attempts on one username take turns until the current transaction ends, so that
     * parallel guesses cannot all pass the lock check before any of them is counted.
     */
    public void serialize(String username) {
        db.select(org.jooq.impl.DSL.field("pg_advisory_xact_lock(hashtextextended({0}, 0))", Object.class, key(username)))
                .fetch();
    }

    /** Until when the username is locked, if it is now. */
    public Optional<OffsetDateTime> lockedUntil(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.select(LOCKED_UNTIL).from(THROTTLE).where(KEY.eq(key(username)))
                .fetchOptional(LOCKED_UNTIL).filter(until -> until.isAfter(now));
    }

    /**
     * Counts a failure; failures older than the lock duration start a new count. Returns whether
     * the username is now locked. One statement, so that parallel attempts cannot lose a count.
     */
    public boolean recordFailure(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime windowStart = now.minus(lockDuration);
        var stale = FIRST_FAILURE.lt(windowStart);
        var newCount = org.jooq.impl.DSL.when(stale, 1).otherwise(FAILURES.plus(1));
        OffsetDateTime locked = db.insertInto(THROTTLE)
                .set(KEY, key(username)).set(FAILURES, 1).set(FIRST_FAILURE, now)
                .set(LOCKED_UNTIL, maxFailures <= 1 ? now.plus(lockDuration) : null)
                .onConflict(KEY).doUpdate()
                .set(FAILURES, newCount)
                .set(FIRST_FAILURE, org.jooq.impl.DSL.when(stale, now).otherwise(FIRST_FAILURE))
                .set(LOCKED_UNTIL, org.jooq.impl.DSL.when(newCount.ge(maxFailures), now.plus(lockDuration))
                        .otherwise(org.jooq.impl.DSL.when(stale, (OffsetDateTime) null).otherwise(LOCKED_UNTIL)))
                .returning(LOCKED_UNTIL).fetchOne(LOCKED_UNTIL);
        return locked != null && locked.isAfter(now);
    }

    public void reset(String username) {
        db.deleteFrom(THROTTLE).where(KEY.eq(key(username))).execute();
    }

    public Duration lockDuration() {
        return lockDuration;
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
