package io.haina.crm.platform.io;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Why a row was refused, in the importer's language: the engine's field messages with the
 * field's label in front ("产品编码：“SRV-X1”已被其他记录使用。"), or what else stopped it.
 */
final class ProblemMessages {

    private static final Logger log = LoggerFactory.getLogger(ProblemMessages.class);

    private final ObjectDef object;
    private final Messages msg;

    ProblemMessages(ObjectDef object, Messages msg) {
        this.object = object;
        this.msg = msg;
    }

    String of(RuntimeException e) {
        return switch (e) {
            // Chinese runs sentences together with a full-width semicolon, English with "; ".
            case InvalidInputException invalid -> String.join(msg.isChinese() ? "；" : "; ",
                    invalid.problems().stream().map(this::field).toList());
            case ConflictException conflict -> msg.t(conflict.messageKey(), conflict.args());
            case AccessDeniedException denied -> msg.t("error.forbidden");
            case NotFoundException gone -> msg.t("import.error.record-gone");
            default -> {
                log.error("Unexpected error on an import row of {}", object.code(), e);
                yield msg.t("import.error.row-unexpected");
            }
        };
    }

    private String field(InvalidInputException.FieldProblem problem) {
        String text = msg.t(problem.messageKey(), problem.args());
        if (problem.field() == null) {
            return text;
        }
        String label = object.field(problem.field()).map(f -> msg.t(f.labelKey())).orElse(problem.field());
        return msg.t("import.problem.field", label, text);
    }
}
