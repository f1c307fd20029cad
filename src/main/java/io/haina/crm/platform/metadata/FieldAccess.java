package io.haina.crm.platform.metadata;

/**
 * What a reader may do with a field they can see. Hidden fields are not "a kind of access": they
 * are left out of the object as that reader sees it, so nothing downstream can leak them.
 */
public enum FieldAccess {
    /** Read and change. */
    EDITABLE,
    /** Read, never change. */
    READ_ONLY,
    /** Read only part of the value (138****5678, w***@example.com); never change. */
    MASKED;

    public boolean editable() {
        return this == EDITABLE;
    }
}
