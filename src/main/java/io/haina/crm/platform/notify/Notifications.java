package io.haina.crm.platform.notify;

/** Sends notices to users: the one entry point other modules use. */
public interface Notifications {

    /**
     * Stores the notice in the caller's transaction (or in its own when there is none), so that it
     * exists exactly when the business change that caused it does. Only after that commits do the
     * recipient's open pages learn of it and does its e-mail go out; a rollback leaves nothing.
     *
     * @return the notice's id
     * @throws IllegalArgumentException when the recipient does not exist or the message key is unknown
     */
    long send(Notice notice);
}
