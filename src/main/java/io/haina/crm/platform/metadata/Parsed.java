package io.haina.crm.platform.metadata;

/**
 * The outcome of reading one input value: the stored value (null for "empty"), or the message key
 * saying why it is refused, with its arguments.
 */
public sealed interface Parsed {

    record Value(Object value) implements Parsed {
    }

    record Refused(String messageKey, Object... args) implements Parsed {
    }

    static Parsed value(Object value) {
        return new Value(value);
    }

    static Parsed empty() {
        return new Value(null);
    }

    static Parsed refused(String messageKey, Object... args) {
        return new Refused(messageKey, args);
    }

    default boolean ok() {
        return this instanceof Value;
    }
}
