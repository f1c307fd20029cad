package io.haina.crm.platform.records;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.jooq.Condition;

/**
 * Where a recycle bin page ended. The bin is ordered by deletion time, then object, then id (all
 * descending); the cursor is the last entry's three, carried in a {@link RecordCursor} as
 * {@code object@time}.
 */
record RecycleBinCursor(String object, OffsetDateTime deletedAt, long id) {

    static RecycleBinCursor of(DeletedRecord last) {
        return new RecycleBinCursor(last.object(), last.deletedAt(), last.id());
    }

    String encode() {
        return new RecordCursor(object + "@" + deletedAt, id, 0, false).encode();
    }

    static Optional<RecycleBinCursor> decode(String text) {
        RecordCursor cursor = RecordCursor.decode(text);
        int at = cursor == null || cursor.value() == null ? -1 : cursor.value().indexOf('@');
        if (at < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RecycleBinCursor(cursor.value().substring(0, at),
                    OffsetDateTime.parse(cursor.value().substring(at + 1)), cursor.id()));
        } catch (java.time.DateTimeException tampered) {
            return Optional.empty();
        }
    }

    /** The deleted records of one object's table that come after the cursor in the bin's order. */
    Condition before(String objectCode, RecordTable t) {
        int order = objectCode.compareTo(object);
        if (order == 0) {
            return t.deletedAt.lt(deletedAt).or(t.deletedAt.eq(deletedAt).and(t.id.lt(id)));
        }
        // At the same time, objects sorting after the cursor's come next (descending), before it came already.
        return order < 0 ? t.deletedAt.le(deletedAt) : t.deletedAt.lt(deletedAt);
    }
}
