package io.haina.crm.platform.records;

/**
 * Something a user holds besides the records they own that goes to another user when they leave
 * (their open tasks), declared as a bean by the module that keeps it. The records of every object
 * move without a declaration: the engine knows their owners.
 */
public interface HandoverPart {

    /** A stable name for the API ({@code task}). */
    String code();

    /** The message key of what it is, counted ("open tasks"). */
    String labelKey();

    /** How many the user holds. */
    int count(long userId);

    /** Gives them all to another user, inside the caller's transaction; returns how many moved. */
    int handOver(long fromUserId, long toUserId, long actorId);
}
