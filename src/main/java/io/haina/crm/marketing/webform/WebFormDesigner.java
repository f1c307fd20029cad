package io.haina.crm.marketing.webform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.InvalidInputException.FieldProblem;
import io.haina.crm.platform.web.NotFoundException;

/** Administrators design web forms: checks what they post and keeps it. */
@Service
@Transactional
class WebFormDesigner {

    static final List<String> LANGUAGES = List.of("zh-CN", "en");

    private final WebFormRepository forms;
    private final LeadFormFields leadFields;
    private final Permissions permissions;
    private final Organization organization;
    private final Clock clock;

    WebFormDesigner(WebFormRepository forms, LeadFormFields leadFields, Permissions permissions,
                    Organization organization, Clock clock) {
        this.forms = forms;
        this.leadFields = leadFields;
        this.permissions = permissions;
        this.organization = organization;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<WebForm> all(long actorId) {
        requireAdministrator(actorId);
        return forms.all();
    }

    @Transactional(readOnly = true)
    WebForm get(long actorId, long id) {
        requireAdministrator(actorId);
        return forms.find(id).orElseThrow(() -> new NotFoundException("web form " + id));
    }

    long create(long actorId, WebFormDraft draft) {
        requireAdministrator(actorId);
        check(draft, null);
        return forms.insert(FormKeys.random(), draft, actorId, OffsetDateTime.now(clock));
    }

    void update(long actorId, long id, WebFormDraft draft) {
        get(actorId, id);
        check(draft, id);
        forms.update(id, draft, OffsetDateTime.now(clock));
    }

    void requireAdministrator(long actorId) {
        if (!permissions.isAdministrator(actorId)) {
            throw new AccessDeniedException("web forms are for administrators");
        }
    }

    private void check(WebFormDraft draft, Long id) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "name", draft.name(), 100);
        if (!draft.name().isEmpty() && forms.nameTaken(draft.name(), id)) {
            problems.add(new FieldProblem("name", "webform.error.name-taken"));
        }
        text(problems, "title", draft.title(), 200);
        text(problems, "thankYou", draft.thankYou(), 2000);
        if (!LANGUAGES.contains(draft.language())) {
            problems.add(new FieldProblem("language", "validation.required"));
        }
        if (leadFields.options("source").stream().noneMatch(o -> o.code().equals(draft.source()))) {
            problems.add(new FieldProblem("source", "validation.required"));
        }
        if (draft.ownerId() == null || !organization.isActiveUser(draft.ownerId())) {
            problems.add(new FieldProblem("ownerId", "webform.error.owner"));
        }
        // The engine requires a lead's name, so a form that does not ask it could never create a lead.
        if (!draft.requires("name")) {
            problems.add(new FieldProblem("fields", "webform.error.name-field"));
        }
        if (LeadFormFields.CONTACT.stream().noneMatch(draft::asks)) {
            problems.add(new FieldProblem("fields", "webform.error.contact-field"));
        }
        for (WebFormField field : draft.fields()) {
            if (field.label() != null && field.label().length() > 100) {
                problems.add(new FieldProblem("label." + field.name(), "validation.too-long", 100));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value.isEmpty()) {
            problems.add(new FieldProblem(field, "validation.required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "validation.too-long", max));
        }
    }
}
