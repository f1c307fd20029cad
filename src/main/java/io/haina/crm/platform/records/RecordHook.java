package io.haina.crm.platform.records;

import java.util.Map;

/**
 * A business rule on one object, declared as a bean by the module that owns the object: it sees
 * what is about to be written, may refuse it (throw an
 * {@link io.haina.crm.platform.web.InvalidInputException} with a message key) or add values the
 * rule derives, all inside the same transaction. Work that may happen after the fact belongs in a
 * listener of {@link RecordEvent} instead.
 */
public interface RecordHook {

    /** The object whose records this rule watches. */
    String object();

    /**
     * Before a record is created or changed. {@code values} holds the read field values that will be
     * written (on update: only the changed ones) and may be added to; {@code current} is the record
     * before the change, or null on create.
     */
    default void beforeSave(long actorId, RecordData current, Map<String, Object> values) {
    }

    /** Before a record goes to the recycle bin. */
    default void beforeDelete(long actorId, RecordData current) {
    }
}
