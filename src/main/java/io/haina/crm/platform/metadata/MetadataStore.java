package io.haina.crm.platform.metadata;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.MetadataSnapshot.CustomField;
import io.haina.crm.platform.metadata.MetadataSnapshot.FieldSetting;
import io.haina.crm.platform.metadata.MetadataSnapshot.OptionSetting;

/**
 * Administrators' changes to objects, kept in tables and held in memory as one
 * {@link MetadataSnapshot}. Every change bumps a version number; an instance that wrote reloads
 * at once, the others when they next look after {@link #RECHECK} (several app instances share one
 * database). Custom fields are real columns, added by DDL in the same transaction as their row.
 *
 * <p>Writes here are not permission-checked: the customization module, which owns the admin
 * pages, checks that the actor is an administrator before calling.
 */
@Component
public class MetadataStore {

    static final Duration RECHECK = Duration.ofSeconds(5);

    private static final Table<Record> LABEL = table(name("label_override"));
    private static final Field<String> LABEL_KEY = field(name("label_override", "message_key"), String.class);
    private static final Field<String> LABEL_LANGUAGE = field(name("label_override", "language"), String.class);
    private static final Field<String> LABEL_TEXT = field(name("label_override", "text"), String.class);
    private static final Table<Record> SETTING = table(name("field_setting"));
    private static final Field<String> SETTING_OBJECT = field(name("field_setting", "object_code"), String.class);
    private static final Field<String> SETTING_FIELD = field(name("field_setting", "field_name"), String.class);
    private static final Field<Boolean> SETTING_REQUIRED = field(name("field_setting", "required"), Boolean.class);
    private static final Field<Boolean> SETTING_HIDDEN = field(name("field_setting", "hidden"), Boolean.class);
    private static final Field<Integer> SETTING_POSITION = field(name("field_setting", "position"), Integer.class);
    private static final Table<Record> OPTION = table(name("picklist_option_setting"));
    private static final Field<String> OPTION_OBJECT = field(name("picklist_option_setting", "object_code"), String.class);
    private static final Field<String> OPTION_FIELD = field(name("picklist_option_setting", "field_name"), String.class);
    private static final Field<String> OPTION_CODE = field(name("picklist_option_setting", "code"), String.class);
    private static final Field<String> OPTION_COLOR = field(name("picklist_option_setting", "color"), String.class);
    private static final Field<Boolean> OPTION_ACTIVE = field(name("picklist_option_setting", "active"), Boolean.class);
    private static final Field<Integer> OPTION_POSITION = field(name("picklist_option_setting", "position"), Integer.class);
    private static final Field<Boolean> OPTION_ADDED = field(name("picklist_option_setting", "added"), Boolean.class);
    private static final Table<Record> CUSTOM = table(name("custom_field"));
    private static final Field<String> CUSTOM_OBJECT = field(name("custom_field", "object_code"), String.class);
    private static final Field<String> CUSTOM_NAME = field(name("custom_field", "name"), String.class);
    private static final Field<String> CUSTOM_TYPE = field(name("custom_field", "type"), String.class);
    private static final Field<String> CUSTOM_TARGET = field(name("custom_field", "target_object"), String.class);
    private static final Field<Boolean> CUSTOM_ACTIVE = field(name("custom_field", "active"), Boolean.class);
    private static final Field<Long> CUSTOM_CREATED_BY = field(name("custom_field", "created_by"), Long.class);
    private static final Field<OffsetDateTime> CUSTOM_CREATED_AT = field(name("custom_field", "created_at"), OffsetDateTime.class);
    private static final Table<Record> VERSION = table(name("metadata_version"));
    private static final Field<Integer> VERSION_ID = field(name("metadata_version", "id"), Integer.class);
    private static final Field<Long> VERSION_NUMBER = field(name("metadata_version", "version"), Long.class);

    private final DSLContext db;
    private final Clock clock;
    /** The real time, not the application clock tests move around: this is about cache freshness. */
    private final Clock wallClock = Clock.systemUTC();
    private volatile MetadataSnapshot snapshot = MetadataSnapshot.EMPTY;
    private volatile Instant checkedAt = Instant.MIN;

    MetadataStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The administrators' changes as of now (at most {@link #RECHECK} behind another instance's write). */
    public MetadataSnapshot current() {
        Instant now = wallClock.instant();
        if (checkedAt == Instant.MIN || now.isAfter(checkedAt.plus(RECHECK))) {
            long version = version();
            if (version != snapshot.version()) {
                snapshot = load(version);
            }
            checkedAt = now;
        }
        return snapshot;
    }

    /** Forgets what was loaded, so the next look reads the tables again (after tests empty them). */
    public void forget() {
        snapshot = MetadataSnapshot.EMPTY;
        checkedAt = Instant.MIN;
    }

    /** Sets a label's wording in both languages; a blank text goes back to the bundled wording. */
    @Transactional
    public void saveLabel(String key, String zh, String en) {
        saveLabelText(key, "zh-CN", zh);
        saveLabelText(key, "en", en);
        changed();
    }

    private void saveLabelText(String key, String language, String text) {
        db.deleteFrom(LABEL).where(LABEL_KEY.eq(key)).and(LABEL_LANGUAGE.eq(language)).execute();
        if (text != null && !text.isBlank()) {
            db.insertInto(LABEL).set(LABEL_KEY, key).set(LABEL_LANGUAGE, language).set(LABEL_TEXT, text.strip()).execute();
        }
    }

    @Transactional
    public void saveFieldSetting(String objectCode, String fieldName, FieldSetting setting) {
        db.insertInto(SETTING).set(SETTING_OBJECT, objectCode).set(SETTING_FIELD, fieldName)
                .set(SETTING_REQUIRED, setting.required()).set(SETTING_HIDDEN, setting.hidden())
                .set(SETTING_POSITION, setting.position())
                .onConflict(SETTING_OBJECT, SETTING_FIELD).doUpdate()
                .set(SETTING_REQUIRED, setting.required()).set(SETTING_HIDDEN, setting.hidden())
                .set(SETTING_POSITION, setting.position()).execute();
        changed();
    }

    @Transactional
    public void saveOptionSetting(String objectCode, String fieldName, OptionSetting option) {
        db.insertInto(OPTION).set(OPTION_OBJECT, objectCode).set(OPTION_FIELD, fieldName).set(OPTION_CODE, option.code())
                .set(OPTION_COLOR, option.color()).set(OPTION_ACTIVE, option.active()).set(OPTION_POSITION, option.position())
                .set(OPTION_ADDED, option.added())
                .onConflict(OPTION_OBJECT, OPTION_FIELD, OPTION_CODE).doUpdate()
                .set(OPTION_COLOR, option.color()).set(OPTION_ACTIVE, option.active())
                .set(OPTION_POSITION, option.position()).execute();
        changed();
    }

    /**
     * Adds a custom field: its row and its column (and, for money, the currency column beside it;
     * for a user or lookup field, an index: lists filter on it and the target's page will list the
     * records pointing at it) in one transaction, so a failure leaves neither behind.
     * {@code targetObject} is the object a lookup points at, null for other kinds.
     */
    @Transactional
    public void addCustomField(ObjectDef object, String fieldName, CustomFieldKind kind, String targetObject, long actorId) {
        db.insertInto(CUSTOM).set(CUSTOM_OBJECT, object.code()).set(CUSTOM_NAME, fieldName).set(CUSTOM_TYPE, kind.name())
                .set(CUSTOM_TARGET, kind.needsTarget() ? targetObject : null)
                .set(CUSTOM_CREATED_BY, actorId).set(CUSTOM_CREATED_AT, OffsetDateTime.now(clock)).execute();
        // The column type comes from our own field types, never from what the administrator typed.
        String columnType = kind.type(targetObject).columnType();
        db.execute("alter table {0} add column {1} " + columnType, name(object.table()), name(fieldName));
        if (kind.money()) {
            db.execute("alter table {0} add column {1} char(3) not null default 'CNY'", name(object.table()),
                    name(fieldName + "_currency"));
        }
        if (kind.reference()) {
            db.execute("create index {0} on {1} ({2})", name(object.table() + "_" + fieldName + "_idx"),
                    name(object.table()), name(fieldName));
        }
        changed();
    }

    @Transactional
    public void setCustomFieldActive(String objectCode, String fieldName, boolean active) {
        db.update(CUSTOM).set(CUSTOM_ACTIVE, active).where(CUSTOM_OBJECT.eq(objectCode)).and(CUSTOM_NAME.eq(fieldName)).execute();
        changed();
    }

    /** Whether a column of that name exists on the table already (a deactivated custom field keeps its column). */
    public boolean columnExists(String table, String column) {
        return db.fetchExists(DSL.selectOne().from(table(name("information_schema", "columns")))
                .where(field(name("table_schema"), String.class).eq(DSL.currentSchema()))
                .and(field(name("table_name"), String.class).eq(table))
                .and(field(name("column_name"), String.class).eq(column)));
    }

    private void changed() {
        int bumped = db.update(VERSION).set(VERSION_NUMBER, VERSION_NUMBER.plus(1)).where(VERSION_ID.eq(1)).execute();
        if (bumped == 0) {
            db.insertInto(VERSION).set(VERSION_ID, 1).set(VERSION_NUMBER, 1L).onConflictDoNothing().execute();
        }
        checkedAt = Instant.MIN; // reload on the next look, which sees this transaction's rows once committed
    }

    private long version() {
        Long version = db.select(VERSION_NUMBER).from(VERSION).where(VERSION_ID.eq(1)).fetchOne(VERSION_NUMBER);
        return version == null ? 0 : version;
    }

    private MetadataSnapshot load(long version) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        db.select(LABEL_KEY, LABEL_LANGUAGE, LABEL_TEXT).from(LABEL).forEach(r ->
                labels.computeIfAbsent(r.value2(), k -> new HashMap<>()).put(r.value1(), r.value3()));
        Map<String, Map<String, FieldSetting>> settings = new HashMap<>();
        db.select().from(SETTING).forEach(r -> settings.computeIfAbsent(r.get(SETTING_OBJECT), k -> new HashMap<>())
                .put(r.get(SETTING_FIELD), new FieldSetting(r.get(SETTING_REQUIRED), r.get(SETTING_HIDDEN), r.get(SETTING_POSITION))));
        Map<String, Map<String, List<OptionSetting>>> options = new HashMap<>();
        db.select().from(OPTION).orderBy(OPTION_POSITION.asc().nullsLast(), OPTION_CODE).forEach(r ->
                options.computeIfAbsent(r.get(OPTION_OBJECT), k -> new HashMap<>())
                        .computeIfAbsent(r.get(OPTION_FIELD), k -> new ArrayList<>())
                        .add(new OptionSetting(r.get(OPTION_CODE), r.get(OPTION_COLOR), r.get(OPTION_ACTIVE),
                                r.get(OPTION_POSITION), r.get(OPTION_ADDED))));
        Map<String, List<CustomField>> custom = new LinkedHashMap<>();
        db.select().from(CUSTOM).orderBy(CUSTOM_CREATED_AT, CUSTOM_NAME).forEach(r ->
                custom.computeIfAbsent(r.get(CUSTOM_OBJECT), k -> new ArrayList<>()).add(new CustomField(
                        r.get(CUSTOM_OBJECT), r.get(CUSTOM_NAME), CustomFieldKind.valueOf(r.get(CUSTOM_TYPE)), r.get(CUSTOM_TARGET),
                        r.get(CUSTOM_ACTIVE))));
        return new MetadataSnapshot(version, labels, settings, options, custom);
    }
}
