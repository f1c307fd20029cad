package io.haina.crm.platform.records;

import java.util.List;

/**
 * Published after a record is written, within the writing transaction (listen with
 * {@code @TransactionalEventListener} to act only once it is committed, or with Spring Modulith's
 * {@code @ApplicationModuleListener}).
 */
public sealed interface RecordEvent {

    String object();

    long recordId();

    long actorId();

    /** A new record, with the way it came in (see {@link EntryChannel}). */
    record Created(String object, long recordId, long actorId, EntryChannel channel) implements RecordEvent {
    }

    record Updated(String object, long recordId, long actorId, List<FieldChange> changes) implements RecordEvent {
    }

    record Deleted(String object, long recordId, long actorId) implements RecordEvent {
    }

    record Restored(String object, long recordId, long actorId) implements RecordEvent {
    }
}
