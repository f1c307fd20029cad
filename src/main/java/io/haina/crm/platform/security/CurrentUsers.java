package io.haina.crm.platform.security;

import java.util.Optional;

/** The user of the current request. */
public interface CurrentUsers {

    Optional<CurrentUser> current();

    /** The current user; throws when nobody is signed in (a bug: such requests never reach a controller). */
    default CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
