package io.haina.crm.platform.web;

import java.util.List;

/**
 * Input a user must correct, with a message per field. Pages show each message beside its field;
 * the API answers 400 with the same messages. Thrown before anything is written, so nothing of a
 * refused change is kept.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String messageKey, Object... args) {
        return new InvalidInputException(List.of(new FieldProblem(field, messageKey, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** A message about one field ({@code null} field: about the whole form). */
    public record FieldProblem(String field, String messageKey, Object... args) {
    }
}
