package io.haina.crm.platform.records;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Why a rule moved a record, as its history keeps it (the {@link SystemRecords#REASON} pseudo-field):
 * a rule writes a message key and its arguments ({@code pool.reason.NO_FOLLOW_UP|30}) so that each
 * reader sees it in their language; a person's reason is their own words and shown as typed.
 */
public record ChangeReason(String messageKey, List<String> args, String text) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+)+");

    /**
     * A rule's reason: a message key with its arguments. A separator inside an argument (a name
     * typed with "|") would split it, so it is kept as its full-width form.
     */
    public static String of(String messageKey, Object... args) {
        StringBuilder stored = new StringBuilder(messageKey);
        for (Object arg : args) {
            stored.append('|').append(String.valueOf(arg).replace('|', '｜'));
        }
        return stored.toString();
    }

    /** The reason as stored: a message key if it reads as one, else the words themselves. */
    public static ChangeReason parse(String stored) {
        String[] parts = stored.split("\\|", -1);
        if (KEY.matcher(parts[0]).matches()) {
            return new ChangeReason(parts[0], List.of(Arrays.copyOfRange(parts, 1, parts.length)), null);
        }
        return new ChangeReason(null, List.of(), stored);
    }

    public boolean isMessage() {
        return messageKey != null;
    }
}
