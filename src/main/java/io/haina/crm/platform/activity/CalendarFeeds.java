package io.haina.crm.platform.activity;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's private calendar feed: a URL with a secret of 256 random bits, which a phone's
 * calendar polls without signing in. The secret is the only key, so it is shown to its owner
 * alone, and a new one (after the URL leaked) makes the old one worthless at once. It is kept as
 * it is, not hashed: it opens nothing but the owner's own calendar, which the same database holds.
 */
@Service
@Transactional
public class CalendarFeeds {

    private static final Table<Record> FEED = table(name("calendar_feed"));
    private static final Field<Long> USER = field(name("user_id"), Long.class);
    private static final Field<String> SECRET = field(name("secret"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Clock clock;

    CalendarFeeds(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The user's secret, made on first use. */
    public String secretOf(long userId) {
        return db.select(SECRET).from(FEED).where(USER.eq(userId)).fetchOptional(SECRET).orElseGet(() -> renew(userId));
    }

    /** A new secret for the user; the old URL stops working. */
    public String renew(long userId) {
        String secret = newSecret();
        db.insertInto(FEED).set(USER, userId).set(SECRET, secret).set(CREATED_AT, OffsetDateTime.now(clock))
                .onConflict(USER).doUpdate().set(SECRET, secret).set(CREATED_AT, OffsetDateTime.now(clock)).execute();
        return secret;
    }

    /** Whose feed a secret opens. */
    @Transactional(readOnly = true)
    public Optional<Long> ownerOf(String secret) {
        if (secret == null || !secret.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return db.select(USER).from(FEED).where(SECRET.eq(secret)).fetchOptional(USER);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
