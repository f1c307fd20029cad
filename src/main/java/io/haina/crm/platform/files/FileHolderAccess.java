package io.haina.crm.platform.files;

/**
 * Who may read the files attached to one kind of thing: the module owning the kind answers with
 * its own access rules (the record engine for records, activity for follow-ups). A bean per kind.
 */
public interface FileHolderAccess {

    /** The {@link FileHolder#kind()} this answers for. */
    String kind();

    /** Whether the user may read the holder, and so its files. Anything unknown or unreachable is "no". */
    boolean mayRead(long actorId, FileHolder holder);
}
