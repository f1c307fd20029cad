package io.haina.crm.platform.records;

/**
 * How a new record came in. The caller of {@link RecordService#create} knows it and the engine
 * passes it on in {@link RecordEvent.Created}, so that rules that care (lead assignment: web forms,
 * imports and the API yes, hand entry only if an administrator says so) read it from the event
 * instead of guessing it from the record's fields — a lead's source says where the customer heard
 * of us, not which door the record came through.
 */
public enum EntryChannel {
    /** Typed on the record's form by a user (also the engine's default for callers that do not say). */
    BY_HAND,
    /** Posted to the REST API. */
    API,
    /** A row of an import file. */
    IMPORT,
    /** A visitor's submission of a web form (web-to-lead). */
    WEB_FORM,
    /** Made by another use case from existing records (a customer and contact from a converted lead). */
    DERIVED
}
