package io.haina.crm.platform.security.token;

import java.time.OffsetDateTime;

/** An API token as its owner sees it in a list; the secret itself is never stored. */
public record ApiToken(long id, String name, String hint, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                       OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

    public boolean usableAt(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
