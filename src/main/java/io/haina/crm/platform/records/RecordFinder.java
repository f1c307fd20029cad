package io.haina.crm.platform.records;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.database.LikePatterns;
import io.haina.crm.platform.metadata.FieldAccess;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.Parsed;
import io.haina.crm.platform.records.filter.Filter;
import io.haina.crm.platform.records.filter.FilterParser;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.InvalidInputException;

/**
 * Lists records the actor may see: quick search on the name, sort on any single-valued field with
 * the id as tie-breaker, keyset paging, and a total that stops counting at {@link #COUNT_CAP}.
 *
 * <p>Reads join the caller's transaction but open none of their own: each is one statement, or a
 * count beside a page that need not agree to the row, and a transaction of their own cost every
 * list request a COMMIT round trip and the pool's switching of the connection in and out of it
 * (issue 3). The access checks are the same with or without one. Only {@link #stream}, which reads
 * with a server-side cursor, needs a transaction and opens one.
 */
@Service
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class RecordFinder {

    public static final int COUNT_CAP = 10_000;
    private static final int STREAM_FETCH_SIZE = 500;

    private final RecordAccess access;
    private final DSLContext db;
    private final Organization organization;
    private final Clock clock;

    RecordFinder(RecordAccess access, DSLContext db, Organization organization, Clock clock) {
        this.access = access;
        this.db = db;
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * The object as this actor sees it: only the fields they may see, in their order. Pages, the
     * API, export and import take their columns from here, never from the raw declaration.
     */
    public ObjectDef describe(long actorId, String objectCode) {
        return access.require(actorId, objectCode, ObjectAction.VIEW);
    }

    public RecordPage list(long actorId, String objectCode, RecordListRequest request) {
        ObjectDef object = describe(actorId, objectCode);
        RecordTable t = new RecordTable(object);
        Condition where = where(actorId, object, t, request);
        Sort sort = sort(object, t, request.sort());
        RecordCursor cursor = cursor(request);
        Condition page = cursor == null ? DSL.noCondition() : sort.after(cursor, t);
        List<RecordData> rows = db.select(t.selection(object)).from(t.table).where(where).and(page).orderBy(sort.orderBy(t))
                .limit(request.limit() + 1).fetch(row -> RecordService.toData(object, t, row));
        boolean more = rows.size() > request.limit();
        List<RecordData> items = more ? rows.subList(0, request.limit()) : rows;
        // Counted once, for the first page; later pages carry that total in their cursor.
        long total;
        boolean capped;
        if (cursor == null && !request.withTotal()) {
            total = -1;
            capped = false;
        } else if (cursor == null) {
            int counted = countUpToCap(t, where);
            total = Math.min(counted, COUNT_CAP);
            capped = counted > COUNT_CAP;
        } else {
            total = cursor.total();
            capped = cursor.totalCapped();
        }
        String next = more ? sort.cursorOf(items.getLast(), total, capped).encode() : null;
        return new RecordPage(List.copyOf(items), next, total, capped);
    }

    /** How many records a list request selects, up to {@link #COUNT_CAP} ("10,000+" past it). */
    public RecordPage count(long actorId, String objectCode, RecordListRequest request) {
        ObjectDef object = describe(actorId, objectCode);
        RecordTable t = new RecordTable(object);
        int counted = countUpToCap(t, where(actorId, object, t, request));
        return new RecordPage(List.of(), null, Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
    }

    /**
     * How many records match, stopping past {@link #COUNT_CAP}. Counting a large match to the cap
     * still reads ten thousand rows, the main cost of a first page; when the planner expects ten
     * times the cap, the answer is "more than the cap" without counting. Below that the count is
     * exact (unordered, so PostgreSQL may count from a bitmap: cheapest for searches and small sets).
     */
    private int countUpToCap(RecordTable t, Condition where) {
        double expected = db.explain(db.selectOne().from(t.table).where(where)).rows();
        if (expected >= COUNT_CAP * 10.0) {
            return COUNT_CAP + 1;
        }
        return db.fetchCount(db.select(DSL.one()).from(t.table).where(where).limit(COUNT_CAP + 1));
    }

    /**
     * Which records a list request selects, before sort and paging: those the actor may see,
     * narrowed by the scene, the quick search and the filter. Every way of reading many records
     * (pages, API, export) goes through here.
     */
    private Condition where(long actorId, ObjectDef object, RecordTable t, RecordListRequest request) {
        return access.visible(actorId, object.code(), t)
                .and(scene(actorId, t, request.scene()))
                .and(quickSearch(object, t, request.quickSearch()))
                .and(filter(actorId, object, t, request.filter()));
    }

    private Condition filter(long actorId, ObjectDef object, RecordTable t, String text) {
        Filter filter = FilterParser.parse(text);
        if (filter == null) {
            return DSL.noCondition();
        }
        // "Today" is the actor's today: looked up only when there is a filter that may need it.
        ZoneId zone = organization.timeZoneOf(actorId);
        return new FilterConditions(object, t, actorId, zone, LocalDate.now(clock.withZone(zone))).of(filter);
    }

    private Condition scene(long actorId, RecordTable t, Scene scene) {
        return switch (scene) {
            case ALL -> DSL.noCondition();
            case MINE -> t.ownerId.eq(actorId);
            case SUBORDINATES -> {
                var below = organization.subordinatesOf(actorId);
                yield below.isEmpty() ? DSL.falseCondition() : t.ownerId.in(below);
            }
        };
    }

    private static RecordCursor cursor(RecordListRequest request) {
        if (request.cursor() == null || request.cursor().isBlank()) {
            return null;
        }
        RecordCursor cursor = RecordCursor.decode(request.cursor());
        if (cursor == null) {
            throw InvalidInputException.of("cursor", "record.error.cursor");
        }
        return cursor;
    }

    /**
     * Every record the list would show for this request (the cursor and page size aside), in its
     * order, handed to the sink one at a time while the database cursor moves on: memory stays
     * flat however many there are (exports).
     */
    @Transactional(readOnly = true)
    public void stream(long actorId, String objectCode, RecordListRequest request, Consumer<RecordData> sink) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.VIEW);
        RecordTable t = new RecordTable(object);
        Sort sort = sort(object, t, request.sort());
        // Inside this read-only transaction (autocommit off) the driver reads with a server-side cursor.
        try (Cursor<Record> rows = db.select(t.selection(object)).from(t.table).where(where(actorId, object, t, request))
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
        return matching(actorId, objectCode, input, limit, false);
    }

    /**
     * Like {@link #matching}, and when nothing matches exactly, a field with a
     * {@linkplain ObjectDef#duplicateKeys() duplicate key} also matches by its key: how an import
     * finds that its row "北京海纳科技" repeats the customer 北京海纳科技有限公司 (C7, L8).
     */
    public List<RecordData> repeating(long actorId, String objectCode, Map<String, String> input, int limit) {
        List<RecordData> exact = matching(actorId, objectCode, input, limit, false);
        return exact.isEmpty() ? matching(actorId, objectCode, input, limit, true) : exact;
    }

    private List<RecordData> matching(long actorId, String objectCode, Map<String, String> input, int limit, boolean byKey) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.VIEW);
        RecordTable t = new RecordTable(object);
        Condition same = access.visible(actorId, objectCode, t);
        boolean keyed = false;
        for (var entry : input.entrySet()) {
            FieldDef field = object.field(entry.getKey()).filter(f -> f.access() != FieldAccess.MASKED)
                    .orElseThrow(() -> InvalidInputException.of(entry.getKey(), "record.error.unknown-field", entry.getKey()));
            if (!(field.parse(entry.getValue()) instanceof Parsed.Value(Object value)) || value == null) {
                return List.of();
            }
            var key = byKey ? object.duplicateKeys().stream().filter(k -> k.field().equals(field.name())).findFirst()
                    : java.util.Optional.<io.haina.crm.platform.metadata.DuplicateKey>empty();
            if (key.isPresent()) {
                String wanted = key.get().of(String.valueOf(value));
                if (wanted.isEmpty()) {
                    return List.of();
                }
                same = same.and(t.keyColumn(key.get()).eq(wanted));
                keyed = true;
            } else {
                same = same.and(value instanceof String text
                        ? DSL.lower(t.column(field.name(), String.class)).eq(text.toLowerCase(Locale.ROOT))
                        : t.of(field).eq(value));
            }
        }
        if (byKey && !keyed) {
            return List.of(); // no field matches by key: the exact match already said all
        }
        return db.select(t.selection(object)).from(t.table).where(same).orderBy(t.id).limit(limit)
                .fetch(row -> RecordService.toData(object, t, row));
    }

    /**
     * The records among {@code ids} the actor may see, in the order of {@code ids}; the others are
     * left out without a word (used where ids come from elsewhere, such as duplicate checks).
     */
    public List<RecordData> visibleByIds(long actorId, String objectCode, List<Long> ids) {
        ObjectDef object = access.require(actorId, objectCode, ObjectAction.VIEW);
        if (ids.isEmpty()) {
            return List.of();
        }
        RecordTable t = new RecordTable(object);
        Map<Long, RecordData> byId = db.select(t.selection(object)).from(t.table)
                .where(t.id.in(ids)).and(access.visible(actorId, objectCode, t))
                .fetchMap(t.id, row -> RecordService.toData(object, t, row));
        return ids.stream().distinct().map(byId::get).filter(java.util.Objects::nonNull).toList();
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
        int size = new RecordListRequest(null, null, null, null, null, limit).limit();
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
        String like = LikePatterns.containing(text);
        return object.fields().stream()
                .filter(f -> f.name().equals(object.nameField()) || identifies(f)
                        || object.searchFields().contains(f.name()) && f.access() != FieldAccess.MASKED)
                // The column as text without a cast, so that its trigram index applies.
                .map(f -> (Condition) t.column(f.name(), String.class).likeIgnoreCase(like, '\\'))
                .reduce(DSL.falseCondition(), Condition::or);
    }

    /**
     * Whether people tell records apart by this field besides the name, so the quick search looks
     * in it: a unique text (a product code), an e-mail, a phone — unless masked for the reader.
     */
    public static boolean identifies(FieldDef field) {
        return field.access() != FieldAccess.MASKED && (field.unique() && field.type() instanceof FieldType.Text
                || field.type() instanceof FieldType.Email || field.type() instanceof FieldType.Phone);
    }

    private static Sort sort(ObjectDef object, RecordTable t, String requested) {
        if (requested == null || requested.isBlank()) {
            return new Sort(null, true);
        }
        boolean descending = requested.startsWith("-");
        String name = descending ? requested.substring(1) : requested;
        FieldDef field = SystemFields.find(object, name).filter(RecordFinder::sortable)
                .filter(f -> f.access() != FieldAccess.MASKED)
                .orElseThrow(() -> InvalidInputException.of("sort", "record.error.unsortable", name));
        return new Sort(field, descending);
    }

    static boolean sortable(FieldDef field) {
        return !(field.type() instanceof FieldType.MultiPicklist || field.type() instanceof FieldType.Region
                || field.type() instanceof FieldType.Attachment || field.type() instanceof FieldType.LongText);
    }

    /**
     * A sort on one field (or on the id alone), the id breaking ties in the same direction. Empty
     * values come last either way: sorting customers by "last follow-up", newest first, must not
     * open on a page of customers nobody has called. A required field has none, and its sort
     * keeps PostgreSQL's own order ({@code DESC} alone, nulls first), which one index on
     * (field, id) serves in both directions.
     */
    private record Sort(FieldDef field, boolean descending) {

        /** Going down, empty values last too (PostgreSQL puts them first). */
        private boolean emptiesLastGoingDown() {
            return descending && !field.required();
        }

        List<SortField<?>> orderBy(RecordTable t) {
            SortField<Long> byId = descending ? t.id.desc() : t.id.asc();
            if (field == null) {
                return List.of(byId);
            }
            Field<Object> column = t.of(field);
            SortField<Object> byField = !descending ? column.asc() : emptiesLastGoingDown() ? column.desc().nullsLast() : column.desc();
            return List.of(byField, byId);
        }

        RecordCursor cursorOf(RecordData last, long total, boolean capped) {
            Object value = field == null ? null : last.get(field.name());
            return new RecordCursor(value == null ? null : text(value), last.id(), total, capped);
        }

        /** Everything after the cursor in this order. */
        Condition after(RecordCursor cursor, RecordTable t) {
            Condition idAfter = descending ? t.id.lt(cursor.id()) : t.id.gt(cursor.id());
            if (field == null) {
                return idAfter;
            }
            Field<Object> column = t.of(field);
            boolean nullsFirst = descending && !emptiesLastGoingDown();
            if (cursor.value() == null) {
                // Among the nulls: only more nulls follow when they come last, every value too when first.
                return nullsFirst ? column.isNull().and(idAfter).or(column.isNotNull()) : column.isNull().and(idAfter);
            }
            Object value;
            try {
                value = typed(field.type(), cursor.value());
            } catch (RuntimeException tampered) {
                throw InvalidInputException.of("cursor", "record.error.cursor");
            }
            Condition beyond = (descending ? column.lt(value) : column.gt(value)).or(column.eq(value).and(idAfter));
            return nullsFirst ? beyond : beyond.or(column.isNull());
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
