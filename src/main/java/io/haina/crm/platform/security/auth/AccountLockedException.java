package io.haina.crm.platform.security.auth;

import java.time.OffsetDateTime;

import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins for a username: refused until {@link #until()}, even with the right password. */
public class AccountLockedException extends LockedException {

    private final transient OffsetDateTime until;

    public AccountLockedException(OffsetDateTime until) {
        super("locked until " + until);
        this.until = until;
    }

    public OffsetDateTime until() {
        return until;
    }
}
