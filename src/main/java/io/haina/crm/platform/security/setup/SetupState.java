package io.haina.crm.platform.security.setup;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.org.UserRepository;

/** Whether the first administrator exists. Once true it stays true, so only the first requests ask the database. */
@Component
public class SetupState {

    private final UserRepository users;
    private final AtomicBoolean complete = new AtomicBoolean();

    SetupState(UserRepository users) {
        this.users = users;
    }

    public boolean isComplete() {
        if (complete.get()) {
            return true;
        }
        boolean done = users.anyExists();
        if (done) {
            complete.set(true);
        }
        return done;
    }

    /** For tests that empty the database. */
    public void forget() {
        complete.set(false);
    }
}
