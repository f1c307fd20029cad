package io.haina.crm.platform.notify;

import java.util.regex.Pattern;

/**
 * What a notice is about, as a code the sending module chooses ({@code LEAD_ASSIGNED},
 * {@code TASK_DUE}, {@code POOL_RETURN_WARNING}): a module declares its kinds as constants, this
 * module keeps no list of them. Upper-case letters, digits and underscores, at most 64.
 */
public record NoticeKind(String code) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public NoticeKind {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a notice kind is like LEAD_ASSIGNED, not " + code);
        }
    }

    public static NoticeKind of(String code) {
        return new NoticeKind(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
