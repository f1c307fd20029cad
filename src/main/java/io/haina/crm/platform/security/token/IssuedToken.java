package io.haina.crm.platform.security.token;

import java.time.OffsetDateTime;

/** A token just created: the secret is shown this once. */
public record IssuedToken(long id, String token, OffsetDateTime expiresAt) {
}
