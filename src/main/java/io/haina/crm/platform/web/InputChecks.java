package io.haina.crm.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the problems of a form, all at once so the user fixes everything in one go, then throws
 * them together. Values are trimmed; blank optional values become null.
 */
public final class InputChecks {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9()\\-\\s]{5,40}$");

    private final List<InvalidInputException.FieldProblem> problems = new ArrayList<>();

    public String required(String field, String value, int maxLength) {
        String v = clean(value);
        if (v == null) {
            add(field, "validation.required");
        } else if (v.codePointCount(0, v.length()) > maxLength) {
            add(field, "validation.too-long", maxLength);
        }
        return v;
    }

    public String optional(String field, String value, int maxLength) {
        String v = clean(value);
        if (v != null && v.codePointCount(0, v.length()) > maxLength) {
            add(field, "validation.too-long", maxLength);
        }
        return v;
    }

    public String email(String field, String value, boolean required) {
        String v = required ? required(field, value, 254) : optional(field, value, 254);
        if (v != null && !EMAIL.matcher(v).matches()) {
            add(field, "validation.email");
        }
        return v;
    }

    public String phone(String field, String value) {
        String v = optional(field, value, 40);
        if (v != null && !PHONE.matcher(v).matches()) {
            add(field, "validation.phone");
        }
        return v;
    }

    public void check(boolean ok, String field, String messageKey, Object... args) {
        if (!ok) {
            add(field, messageKey, args);
        }
    }

    public void add(String field, String messageKey, Object... args) {
        problems.add(new InvalidInputException.FieldProblem(field, messageKey, args));
    }

    public boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> field.equals(p.field()));
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() ? null : v;
    }
}
