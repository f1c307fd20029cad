package io.haina.crm.marketing.webform;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** The web form tables: forms, the fields each asks, and the log of leads they created. */
@Repository
class WebFormRepository {

    private static final Table<Record> FORM = table(name("web_form"));
    private static final Field<Long> ID = field(name("web_form", "id"), Long.class);
    private static final Field<String> KEY = field(name("web_form", "public_key"), String.class);
    private static final Field<String> NAME = field(name("web_form", "name"), String.class);
    private static final Field<String> LANGUAGE = field(name("web_form", "language"), String.class);
    private static final Field<String> TITLE = field(name("web_form", "title"), String.class);
    private static final Field<String> THANK_YOU = field(name("web_form", "thank_you"), String.class);
    private static final Field<String> SOURCE = field(name("web_form", "source"), String.class);
    private static final Field<Long> OWNER = field(name("web_form", "owner_id"), Long.class);
    private static final Field<Boolean> ACTIVE = field(name("web_form", "active"), Boolean.class);
    private static final Field<Long> CREATED_BY = field(name("web_form", "created_by"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("web_form", "created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("web_form", "updated_at"), OffsetDateTime.class);

    private static final Table<Record> FIELD = table(name("web_form_field"));
    private static final Field<Long> FIELD_FORM = field(name("web_form_field", "form_id"), Long.class);
    private static final Field<Integer> FIELD_POSITION = field(name("web_form_field", "position"), Integer.class);
    private static final Field<String> FIELD_NAME = field(name("web_form_field", "field_name"), String.class);
    private static final Field<String> FIELD_LABEL = field(name("web_form_field", "label"), String.class);
    private static final Field<Boolean> FIELD_REQUIRED = field(name("web_form_field", "required"), Boolean.class);

    private static final Table<Record> SUBMISSION = table(name("web_form_submission"));
    private static final Field<Long> SUBMISSION_FORM = field(name("web_form_submission", "form_id"), Long.class);
    private static final Field<Long> SUBMISSION_LEAD = field(name("web_form_submission", "lead_id"), Long.class);
    private static final Field<String> SUBMISSION_IP = field(name("web_form_submission", "ip_hash"), String.class);
    private static final Field<OffsetDateTime> SUBMISSION_AT = field(name("web_form_submission", "created_at"), OffsetDateTime.class);

    private final DSLContext db;

    WebFormRepository(DSLContext db) {
        this.db = db;
    }

    List<WebForm> all() {
        return load(ID.isNotNull());
    }

    Optional<WebForm> find(long id) {
        return load(ID.eq(id)).stream().findFirst();
    }

    Optional<WebForm> findByKey(String publicKey) {
        return load(KEY.eq(publicKey)).stream().findFirst();
    }

    /** The form a public address names, if it is switched on; a key that cannot be one is not looked up. */
    Optional<WebForm> findActive(String publicKey) {
        return FormKeys.looksValid(publicKey) ? findByKey(publicKey).filter(WebForm::active) : Optional.empty();
    }

    boolean nameTaken(String name, Long exceptId) {
        Condition sameName = field("lower({0})", String.class, NAME).eq(name.toLowerCase(java.util.Locale.ROOT));
        return db.fetchExists(FORM, exceptId == null ? sameName : sameName.and(ID.ne(exceptId)));
    }

    long insert(String publicKey, WebFormDraft draft, long actorId, OffsetDateTime now) {
        long id = db.insertInto(FORM).set(KEY, publicKey).set(NAME, draft.name()).set(LANGUAGE, draft.language())
                .set(TITLE, draft.title()).set(THANK_YOU, draft.thankYou()).set(SOURCE, draft.source())
                .set(OWNER, draft.ownerId()).set(ACTIVE, draft.active()).set(CREATED_BY, actorId)
                .set(CREATED_AT, now).set(UPDATED_AT, now).returning(ID).fetchOne(ID);
        insertFields(id, draft.fields());
        return id;
    }

    void update(long id, WebFormDraft draft, OffsetDateTime now) {
        db.update(FORM).set(NAME, draft.name()).set(LANGUAGE, draft.language()).set(TITLE, draft.title())
                .set(THANK_YOU, draft.thankYou()).set(SOURCE, draft.source()).set(OWNER, draft.ownerId())
                .set(ACTIVE, draft.active()).set(UPDATED_AT, now).where(ID.eq(id)).execute();
        db.deleteFrom(FIELD).where(FIELD_FORM.eq(id)).execute();
        insertFields(id, draft.fields());
    }

    void logSubmission(long formId, long leadId, String ipHash, OffsetDateTime now) {
        db.insertInto(SUBMISSION).set(SUBMISSION_FORM, formId).set(SUBMISSION_LEAD, leadId).set(SUBMISSION_IP, ipHash)
                .set(SUBMISSION_AT, now).execute();
    }

    /** Leads created per form, for the list. */
    Map<Long, Integer> submissionCounts() {
        return db.select(SUBMISSION_FORM, count()).from(SUBMISSION).groupBy(SUBMISSION_FORM)
                .fetchMap(SUBMISSION_FORM, count());
    }

    private void insertFields(long formId, List<WebFormField> fields) {
        for (int i = 0; i < fields.size(); i++) {
            WebFormField f = fields.get(i);
            db.insertInto(FIELD).set(FIELD_FORM, formId).set(FIELD_POSITION, i).set(FIELD_NAME, f.name())
                    .set(FIELD_LABEL, f.label()).set(FIELD_REQUIRED, f.required()).execute();
        }
    }

    private List<WebForm> load(Condition where) {
        var forms = db.select(ID, KEY, NAME, LANGUAGE, TITLE, THANK_YOU, SOURCE, OWNER, ACTIVE, CREATED_AT)
                .from(FORM).where(where).orderBy(NAME).fetch();
        if (forms.isEmpty()) {
            return List.of();
        }
        Map<Long, List<WebFormField>> fields = db.select(FIELD_FORM, FIELD_NAME, FIELD_LABEL, FIELD_REQUIRED)
                .from(FIELD).where(FIELD_FORM.in(forms.getValues(ID))).orderBy(FIELD_FORM, FIELD_POSITION)
                .fetchGroups(FIELD_FORM, r -> new WebFormField(r.get(FIELD_NAME), r.get(FIELD_LABEL), r.get(FIELD_REQUIRED)));
        return forms.map(r -> new WebForm(r.get(ID), r.get(KEY), r.get(NAME), r.get(LANGUAGE), r.get(TITLE),
                r.get(THANK_YOU), r.get(SOURCE), r.get(OWNER), r.get(ACTIVE), fields.getOrDefault(r.get(ID), List.of()),
                r.get(CREATED_AT)));
    }
}
