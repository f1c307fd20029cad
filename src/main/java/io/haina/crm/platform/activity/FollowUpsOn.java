package io.haina.crm.platform.activity;

/**
 * Declares that records of an object take follow-ups and show a timeline (a bean of the feature
 * module that declares the object: customers, leads, later opportunities). If the object has the
 * fields {@link #LAST} and {@link #NEXT}, a follow-up keeps them up to date.
 */
public record FollowUpsOn(String objectCode) {

    /** The field holding the time of the latest follow-up, if the object has it. */
    public static final String LAST = "last_follow_up_at";
    /** The field holding when the next follow-up is due, if the object has it. */
    public static final String NEXT = "next_follow_up_at";
}
