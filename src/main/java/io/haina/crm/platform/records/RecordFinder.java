package io.haina.crm.platform.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.web.InvalidInputException;

/**
 * Lists records the actor may see: quick search on the name, sort on any single-valued field with
 * the id as tie-breaker, keyset paging, and a total that stops counting at {@link #COUNT_CAP}.
 */
@Service
@Transactional(readOnly = true)
public class RecordFinder {

    public static final int COUNT_CAP = 10_000;

    private final RecordAccess access;
    private final DSLContext db;

    RecordFinder(RecordAccess access, DSLContext db) {
        this.access = access;
        this.db = db;
    }

    /**
     * The object as this actor sees it: only the fields they may see, in their order. Pages, the
     * API, export and import take their columns from here, never from the raw declaration.
     */
    public ObjectDef describe(long actorId, String objectCode) {
        return access.require(actorId, objectCode, ObjectAction.VIEW);
    }

    public RecordPage list(long actorId, String objectCode, RecordListRequest request) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.VIEW);
        RecordTable t = new RecordTable(object);
        Condition where = access.visible(actorId, objectCode, t).and(quickSearch(object, t, request.quickSearch()));
        Sort sort = sort(object, t, request.sort());
        RecordCursor cursor = request.cursor() == null || request.cursor().isBlank() ? null : RecordCursor.decode(request.cursor());
        if (request.cursor() != null && !request.cursor().isBlank() && cursor == null) {
            throw InvalidInputException.of("cursor", "record.error.cursor");
        }
        Condition page = cursor == null ? DSL.noCondition() : sort.after(cursor, t);
        List<RecordData> rows = db.select().from(t.table).where(where).and(page).orderBy(sort.orderBy(t))
                .limit(request.limit() + 1).fetch(row -> RecordService.toData(object, t, row));
        boolean more = rows.size() > request.limit();
        List<RecordData> items = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? sort.cursorOf(items.getLast()).encode() : null;
        // Unordered, so PostgreSQL may count from a bitmap (cheapest for searches and small sets).
        // Counting on every page is still the list's main cost at scale: see the issue note.
        int counted = db.fetchCount(db.select(DSL.one()).from(t.table).where(where).limit(COUNT_CAP + 1));
        return new RecordPage(List.copyOf(items), next, Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
    }

    /**
     * The recycle bin: deleted records of every object (or of one), most recently deleted first,
     * page by page. Administrators only, checked here: a deleted record is outside every data scope.
     * Each object's table gives at most a page (its partial index on deleted_at keeps that cheap),
     * and the pages are merged by time.
     */
    public RecycleBinPage deleted(long actorId, String objectCode, String cursor, int limit) {
        if (!access.isAdministrator(actorId)) {
            throw new AccessDeniedException("the recycle bin is for administrators");
        }
        int size = new RecordListRequest(null, null, null, limit).limit();
        List<ObjectDef> objects = objectCode == null || objectCode.isBlank() ? access.objects() : List.of(access.object(objectCode));
        RecycleBinCursor after = cursor == null || cursor.isBlank() ? null : RecycleBinCursor.decode(cursor)
                .orElseThrow(() -> InvalidInputException.of("cursor", "record.error.cursor"));
        Table<Record5<String, Long, String, Long, OffsetDateTime>> bin = objects.stream()
                .map(object -> deletedIn(object, after, size + 1)).reduce(Select::unionAll).orElseThrow().asTable("bin");
        Field<String> object = bin.field("object", String.class);
        Field<Long> id = bin.field("id", Long.class);
        Field<OffsetDateTime> deletedAt = bin.field("deleted_at", OffsetDateTime.class);
        List<DeletedRecord> rows = db.selectFrom(bin).orderBy(deletedAt.desc(), object.desc(), id.desc()).limit(size + 1)
                .fetch(row -> new DeletedRecord(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
        boolean more = rows.size() > size;
        List<DeletedRecord> items = more ? rows.subList(0, size) : rows;
        return new RecycleBinPage(List.copyOf(items), more ? RecycleBinCursor.of(items.getLast()).encode() : null);
    }

    /** The first deleted records of one object after the cursor, in the bin's columns and order. */
    private Select<Record5<String, Long, String, Long, OffsetDateTime>> deletedIn(ObjectDef object, RecycleBinCursor after,
                                                                                 int limit) {
        RecordTable t = new RecordTable(object);
        return db.select(DSL.inline(object.code()).as("object"), t.id.as("id"),
                        t.of(object.field(object.nameField()).orElseThrow()).cast(String.class).as("name"),
                        t.deletedBy.as("deleted_by"), t.deletedAt.as("deleted_at"))
                .from(t.table).where(t.deletedAt.isNotNull()).and(after == null ? DSL.noCondition() : after.before(object.code(), t))
                .orderBy(t.deletedAt.desc(), t.id.desc()).limit(limit);
    }

    /**
     * The quick search box: the record's name, and the fields people identify a record by — unique
     * texts such as a product code, e-mail addresses, phone numbers. Each has a trigram index.
     */
    private static Condition quickSearch(ObjectDef object, RecordTable t, String text) {
        if (text == null || text.isBlank()) {
            return DSL.noCondition();
        }
        String like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return object.fields().stream()
                .filter(f -> f.name().equals(object.nameField()) || f.unique() && f.type() instanceof FieldType.Text
                        || f.type() instanceof FieldType.Email || f.type() instanceof FieldType.Phone)
                // The column as text without a cast, so that its trigram index applies.
                .map(f -> (Condition) t.column(f.name(), String.class).likeIgnoreCase(like, '\\'))
                .reduce(DSL.falseCondition(), Condition::or);
    }

    private static Sort sort(ObjectDef object, RecordTable t, String requested) {
        if (requested == null || requested.isBlank()) {
            return new Sort(null, true);
        }
        boolean descending = requested.startsWith("-");
        String name = descending ? requested.substring(1) : requested;
        FieldDef field = object.field(name).filter(RecordFinder::sortable)
                .orElseThrow(() -> InvalidInputException.of("sort", "record.error.unsortable", name));
        return new Sort(field, descending);
    }

    private static boolean sortable(FieldDef field) {
        return !(field.type() instanceof FieldType.MultiPicklist || field.type() instanceof FieldType.Region
                || field.type() instanceof FieldType.Attachment || field.type() instanceof FieldType.LongText);
    }

    /**
     * A sort on one field (or on the id alone), the id breaking ties in the same direction. Nulls
     * follow PostgreSQL's own order (last going up, first going down), so that one index on
     * (field, id) serves both directions.
     */
    private record Sort(FieldDef field, boolean descending) {

        List<SortField<?>> orderBy(RecordTable t) {
            SortField<Long> byId = descending ? t.id.desc() : t.id.asc();
            if (field == null) {
                return List.of(byId);
            }
            Field<Object> column = t.of(field);
            return List.of(descending ? column.desc() : column.asc(), byId);
        }

        RecordCursor cursorOf(RecordData last) {
            Object value = field == null ? null : last.get(field.name());
            return new RecordCursor(value == null ? null : text(value), last.id());
        }

        /** Everything after the cursor in this order. */
        Condition after(RecordCursor cursor, RecordTable t) {
            Condition idAfter = descending ? t.id.lt(cursor.id()) : t.id.gt(cursor.id());
            if (field == null) {
                return idAfter;
            }
            Field<Object> column = t.of(field);
            if (cursor.value() == null) {
                // Nulls come last going up (only more nulls follow), first going down (then every value).
                return descending ? column.isNull().and(idAfter).or(column.isNotNull()) : column.isNull().and(idAfter);
            }
            Object value;
            try {
                value = typed(field.type(), cursor.value());
            } catch (RuntimeException tampered) {
                throw InvalidInputException.of("cursor", "record.error.cursor");
            }
            Condition beyond = (descending ? column.lt(value) : column.gt(value)).or(column.eq(value).and(idAfter));
            return descending ? beyond : beyond.or(column.isNull());
        }

        private static String text(Object value) {
            return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        }

        private static Object typed(FieldType type, String text) {
            return switch (type) {
                case FieldType.Decimal d -> new BigDecimal(text);
                case FieldType.Money m -> new BigDecimal(text);
                case FieldType.Percent p -> new BigDecimal(text);
                case FieldType.Date d -> LocalDate.parse(text);
                case FieldType.DateTime d -> OffsetDateTime.parse(text);
                case FieldType.Checkbox c -> Boolean.parseBoolean(text);
                case FieldType.Lookup l -> Long.parseLong(text);
                case FieldType.UserRef u -> Long.parseLong(text);
                case FieldType.DepartmentRef d -> Long.parseLong(text);
                default -> text;
            };
        }
    }
}
