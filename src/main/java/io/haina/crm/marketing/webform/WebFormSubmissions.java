package io.haina.crm.marketing.webform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.marketing.WebFormLeadCreated;
import io.haina.crm.platform.records.EntryChannel;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.InvalidInputException.FieldProblem;

/**
 * A visitor's post of a form becomes a lead: the form's own checks (its required fields, a way to
 * reach the visitor), then the record engine's (types, lengths, options) with the lead created as
 * the form's owner's, the form's source and the campaign's UTM values on it.
 */
@Service
class WebFormSubmissions {

    static final List<String> UTM = List.of("utm_source", "utm_medium", "utm_campaign");
    /** The lead's UTM fields hold this much; a longer value from a link is cut rather than refused. */
    private static final int UTM_LENGTH = 100;

    private final RecordService records;
    private final WebFormRepository forms;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WebFormSubmissions(RecordService records, WebFormRepository forms, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.forms = forms;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the lead and returns its id; throws {@link InvalidInputException} with messages for the
     * form's fields (or for the whole form) and creates nothing when the input will not do.
     */
    @Transactional
    long submit(WebForm form, Map<String, String> post, String address) {
        Map<String, String> input = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (WebFormField field : form.fields()) {
            String value = post.getOrDefault(field.name(), "").strip();
            if (field.required() && value.isEmpty()) {
                problems.add(new FieldProblem(field.name(), "validation.required"));
            }
            input.put(field.name(), value);
        }
        List<WebFormField> contacts = form.fields().stream().filter(f -> LeadFormFields.CONTACT.contains(f.name())).toList();
        if (contacts.stream().allMatch(f -> input.get(f.name()).isEmpty())) {
            contacts.forEach(f -> problems.add(new FieldProblem(f.name(), "webform.error.no-contact")));
            if (contacts.isEmpty()) {
                problems.add(new FieldProblem(null, "webform.error.no-contact"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        input.put("source", form.source());
        for (String utm : UTM) {
            String value = post.getOrDefault(utm, "").strip();
            input.put(utm, value.length() > UTM_LENGTH ? value.substring(0, UTM_LENGTH) : value);
        }
        long leadId;
        try {
            leadId = records.create(form.ownerId(), LeadFormFields.LEAD, input, EntryChannel.WEB_FORM).id();
        } catch (InvalidInputException e) {
            throw onTheForm(form, e);
        }
        forms.logSubmission(form.id(), leadId, hash(form.publicKey(), address), OffsetDateTime.now(clock));
        events.publishEvent(new WebFormLeadCreated(leadId, form.id(), form.ownerId(), form.source()));
        return leadId;
    }

    /** The engine's messages about fields the visitor cannot see are shown above the form. */
    private static InvalidInputException onTheForm(WebForm form, InvalidInputException e) {
        return new InvalidInputException(e.problems().stream()
                .map(p -> p.field() == null || form.asks(p.field()) ? p : new FieldProblem(null, p.messageKey(), p.args()))
                .toList());
    }

    /**
     * The address is kept only hashed with the form's key, enough to count repeat posters per form
     * without storing who they are. (IPv4 addresses are few: the hash hides them from a casual
     * reader, not from someone who tries them all.)
     */
    private static String hash(String formKey, String address) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((formKey + '|' + address).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
