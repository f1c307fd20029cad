package io.haina.crm.platform.records;

/**
 * A record that may repeat the one being entered, and why.
 *
 * @param id        the existing record
 * @param reasonKey message key saying why, given the field's label as {0} (e.g. "same product name")
 * @param field     the field that matched, or null when the reason names none
 */
public record DuplicateCandidate(long id, String reasonKey, String field) {

    /** The engine's reason: the same value in a field, ignoring case and blanks. */
    public static final String SAME_VALUE = "record.duplicate.same-value";

    /** A declared key matched: a value spelled another way that names the same thing. */
    public static final String SAME_KEY = "record.duplicate.same-key";
}
