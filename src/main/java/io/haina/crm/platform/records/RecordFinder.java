package io.haina.crm.platform.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.Parsed;
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
    private static final int STREAM_FETCH_SIZE = 500;

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
        Condition where = listed(actorId, object, t, request);
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
     * Every record the list would show for this request (the cursor and page size aside), in its
     * order, handed to the sink one at a time while the database cursor moves on: memory stays
     * flat however many there are (exports).
     */
    public void stream(long actorId, String objectCode, RecordListRequest request, Consumer<RecordData> sink) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.VIEW);
        RecordTable t = new RecordTable(object);
        Sort sort = sort(object, t, request.sort());
        // Inside this read-only transaction (autocommit off) the driver reads with a server-side cursor.
        try (Cursor<Record> rows = db.select().from(t.table).where(listed(actorId, object, t, request))
                .orderBy(sort.orderBy(t)).fetchSize(STREAM_FETCH_SIZE).fetchLazy()) {
            for (Record row : rows) {
                sink.accept(RecordService.toData(object, t, row));
            }
        }
    }

    /**
     * Visible records whose fields equal the given input, read as the engine reads a form (text
     * compared case-insensitively), at most {@code limit}: how an import finds the record a row
     * repeats. Input a field would refuse matches nothing.
     */
    public List<RecordData> matching(long actorId, String objectCode, Map<String, String> input, int limit) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.VIEW);
        RecordTable t = new RecordTable(object);
        Condition same = access.visible(actorId, objectCode, t);
        for (var entry : input.entrySet()) {
            FieldDef field = object.field(entry.getKey())
                    .orElseThrow(() -> InvalidInputException.of(entry.getKey(), "record.error.unknown-field", entry.getKey()));
            if (!(field.parse(entry.getValue()) instanceof Parsed.Value(Object value)) || value == null) {
                return List.of();
            }
            same = same.and(value instanceof String text
                    ? DSL.lower(t.column(field.name(), String.class)).eq(text.toLowerCase(Locale.ROOT))
                    : t.of(field).eq(value));
        }
        return db.select().from(t.table).where(same).orderBy(t.id).limit(limit)
                .fetch(row -> RecordService.toData(object, t, row));
    }

    /** What a list request selects: live records in the actor's scope, narrowed by the quick search. */
    private Condition listed(long actorId, ObjectDef object, RecordTable t, RecordListRequest request) {
        return access.visible(actorId, object.code(), t).and(quickSearch(object, t, request.quickSearch()));
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
