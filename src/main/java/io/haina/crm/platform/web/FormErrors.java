package io.haina.crm.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validation messages of one form, resolved in the user's language, for a template to show per field. */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    private final Map<String, String> byField;
    private final List<String> general;

    private FormErrors(Map<String, String> byField, List<String> general) {
        this.byField = byField;
        this.general = general;
    }

    public static FormErrors none() {
        return NONE;
    }

    public static FormErrors of(InvalidInputException e, Messages msg) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (InvalidInputException.FieldProblem p : e.problems()) {
            String text = msg.t(p.messageKey(), p.args());
            if (p.field() == null) {
                general.add(text);
            } else {
                byField.putIfAbsent(p.field(), text);
            }
        }
        return new FormErrors(byField, general);
    }

    /** A conflict shown beside one field ({@code null}: above the form). */
    public static FormErrors of(ConflictException e, String field, Messages msg) {
        return of(InvalidInputException.of(field, e.messageKey(), e.args()), msg);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public List<String> general() {
        return general;
    }

    /** Every message in one line, for a problem shown above a page rather than beside a field. */
    public String summary() {
        List<String> all = new ArrayList<>(general);
        all.addAll(byField.values());
        return String.join(" ", all);
    }

    public boolean any() {
        return !byField.isEmpty() || !general.isEmpty();
    }

    /** Whether some field is marked: only then does the form say "fix what is marked below". */
    public boolean anyField() {
        return !byField.isEmpty();
    }

    /** Bootstrap's class for a field's input: {@code is-invalid} when it has a message. */
    public String css(String field) {
        return has(field) ? "is-invalid" : "";
    }
}
