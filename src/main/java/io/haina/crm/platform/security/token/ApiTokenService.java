package io.haina.crm.platform.security.token;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.security.AccessCache;
import io.haina.crm.platform.security.AccessVersion;
import io.haina.crm.platform.security.AdminOperation;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Bearer tokens for the REST API. A token is 32 random bytes; only its SHA-256 is stored, so a
 * copy of the database does not give access. Tokens expire and their owner can revoke them.
 * Valid tokens are kept (by hash) per {@link AccessVersion}, which revoking one moves (V29), so an
 * API request does not read its token's row, and a revoked token is refused from the next request on.
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "hn_";
    private static final Table<Record> TOKENS = table(name("api_token"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<Long> USER_ID = field(name("user_id"), Long.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<byte[]> HASH = field(name("token_hash"), byte[].class);
    private static final Field<String> HINT = field(name("token_hint"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> EXPIRES_AT = field(name("expires_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> LAST_USED_AT = field(name("last_used_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> REVOKED_AT = field(name("revoked_at"), OffsetDateTime.class);
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    /** Valid tokens kept per access version; beyond this many they are read, not kept. */
    private static final int KEPT = 50_000;
    /** Cloned for each hash: looking SHA-256 up among the providers on every API request cost more than hashing. */
    private static final MessageDigest SHA_256 = sha256Digest();

    private final DSLContext db;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final AccessCache<String, ValidToken> valid;

    ApiTokenService(DSLContext db, Clock clock, ApplicationEventPublisher events, AccessVersion version,
                    @Value("${haina.security.api-token-lifetime:P30D}") Duration lifetime) {
        this.db = db;
        this.valid = new AccessCache<>(version, KEPT);
        this.clock = clock;
        this.events = events;
        this.lifetime = lifetime;
    }

    @Transactional
    public IssuedToken issue(long userId, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw InvalidInputException.of("name", label.isEmpty() ? "validation.required" : "validation.too-long", 100);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expires = OffsetDateTime.now(clock).plus(lifetime);
        long id = db.insertInto(TOKENS).set(USER_ID, userId).set(NAME, label).set(HASH, sha256(token))
                .set(HINT, token.substring(0, PREFIX.length() + 6)).set(EXPIRES_AT, expires)
                .returning(ID).fetchOne(ID);
        events.publishEvent(new AdminOperation(userId, "API_TOKEN_CREATED", "user", userId, label,
                java.util.Map.of("tokenId", id, "expiresAt", expires.toString())));
        return new IssuedToken(id, token, expires);
    }

    /**
     * The owner of a valid token (not expired, not revoked), noting when it was last used. No
     * transaction: every API request comes here, and the note, written at most once a minute,
     * needs none, so the request is spared a commit.
     */
    public Optional<Long> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        byte[] hash = sha256(token);
        ValidToken found = valid.get(HexFormat.of().formatHex(hash), key -> unrevoked(hash));
        if (found == null || !found.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        noteUse(found, now);
        return Optional.of(found.userId());
    }

    /** The token with this hash if it is not revoked (expiry is checked at each use); else null. */
    private ValidToken unrevoked(byte[] hash) {
        return db.select(ID, USER_ID, EXPIRES_AT, LAST_USED_AT).from(TOKENS).where(HASH.eq(hash)).and(REVOKED_AT.isNull())
                .fetchOptional(r -> new ValidToken(r.value1(), r.value2(), r.value3(), new AtomicReference<>(r.value4())))
                .orElse(null);
    }

    /** A token that was not revoked at the access version it was read under; its last use as noted in the database. */
    private record ValidToken(long id, long userId, OffsetDateTime expiresAt, AtomicReference<OffsetDateTime> lastUsedAt) {
    }

    /** Notes a use at most once a minute: of the requests that find the last note older, only one writes. */
    private void noteUse(ValidToken token, OffsetDateTime now) {
        OffsetDateTime last = token.lastUsedAt().get();
        if ((last == null || last.isBefore(now.minus(LAST_USED_PRECISION))) && token.lastUsedAt().compareAndSet(last, now)) {
            db.update(TOKENS).set(LAST_USED_AT, now).where(ID.eq(token.id())).execute();
        }
    }

    public List<ApiToken> listOf(long userId) {
        return db.select(ID, NAME, HINT, CREATED_AT, EXPIRES_AT, LAST_USED_AT, REVOKED_AT).from(TOKENS)
                .where(USER_ID.eq(userId)).orderBy(CREATED_AT.desc())
                .fetch(r -> new ApiToken(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** Revokes one of the user's own tokens; another user's token id answers "not found". */
    @Transactional
    public void revoke(long userId, long tokenId) {
        int changed = db.update(TOKENS).set(REVOKED_AT, OffsetDateTime.now(clock))
                .where(ID.eq(tokenId)).and(USER_ID.eq(userId)).and(REVOKED_AT.isNull()).execute();
        if (changed == 0 && !db.fetchExists(TOKENS, ID.eq(tokenId).and(USER_ID.eq(userId)))) {
            throw new NotFoundException("api token " + tokenId);
        }
        if (changed > 0) {
            events.publishEvent(new AdminOperation(userId, "API_TOKEN_REVOKED", "user", userId,
                    db.select(NAME).from(TOKENS).where(ID.eq(tokenId)).fetchOne(NAME), java.util.Map.of("tokenId", tokenId)));
        }
    }

    /** Revokes the token a request was made with (API sign-out). */
    @Transactional
    public void revoke(String token) {
        db.update(TOKENS).set(REVOKED_AT, OffsetDateTime.now(clock)).where(HASH.eq(sha256(token)))
                .and(REVOKED_AT.isNull()).execute();
    }

    /** When a user leaves or is disabled, none of their tokens works any more. */
    @Transactional
    public void revokeAllOf(long userId) {
        db.update(TOKENS).set(REVOKED_AT, OffsetDateTime.now(clock)).where(USER_ID.eq(userId))
                .and(REVOKED_AT.isNull()).execute();
    }

    static byte[] sha256(String token) {
        try {
            return ((MessageDigest) SHA_256.clone()).digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }


    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
