package io.haina.crm.platform.web;

/**
 * How many notifications the signed-in user has not read, for the bell in the top bar;
 * implemented by the notifications module (the shell knows nothing of notifications otherwise).
 */
public interface UnreadNotices {

    /** The signed-in user's unread count; 0 when nobody is signed in. */
    int ofCurrentUser();
}
