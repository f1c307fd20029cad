package io.haina.crm.platform.files;

/**
 * What a file is attached to: a field of a record ({@link #record}) or a follow-up
 * ({@link #followUp}). The module that owns the kind says who may read it ({@link FileHolderAccess}).
 *
 * @param kind   {@value #RECORD}, {@value #FOLLOW_UP}, or another module's word for its things
 * @param object the record's object (for records; null otherwise)
 * @param id     the record's or follow-up's id
 * @param field  the record's field holding the file (for records; null otherwise)
 */
public record FileHolder(String kind, String object, long id, String field) {

    public static final String RECORD = "record";
    public static final String FOLLOW_UP = "follow_up";

    public FileHolder {
        if (kind == null || !kind.matches("[a-z][a-z_]{0,39}")) {
            throw new IllegalArgumentException("holder kind: " + kind);
        }
    }

    public static FileHolder record(String object, long id, String field) {
        return new FileHolder(RECORD, object, id, field);
    }

    public static FileHolder followUp(long id) {
        return new FileHolder(FOLLOW_UP, null, id, null);
    }

    /** Whether both name the same thing (the field aside: a record holds files in several fields). */
    public boolean sameThing(FileHolder other) {
        return other != null && kind.equals(other.kind) && id == other.id && java.util.Objects.equals(object, other.object);
    }
}
