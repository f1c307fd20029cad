package io.haina.crm.platform.web;

/** A change that cannot be made as things stand (a duplicate, a stale edit, a non-empty department). */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public ConflictException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    /** More for an API client to act on (what changed, which record is the duplicate), as JSON-ready values. */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }
}
