package io.haina.crm.platform.security;

/**
 * A sign-in, successful or not, on the web form or the API.
 *
 * @param username      as typed
 * @param userId        the account, when the username names one
 * @param success       whether it succeeded
 * @param failureReason {@code BAD_CREDENTIALS}, {@code LOCKED}, {@code DISABLED} or {@code RESIGNED}; null on success
 * @param channel       {@code WEB} or {@code API}
 * @param ip            the client's address
 * @param userAgent     the client's User-Agent
 */
public record LoginAttempt(String username, Long userId, boolean success, String failureReason, String channel,
                           String ip, String userAgent) {
}
