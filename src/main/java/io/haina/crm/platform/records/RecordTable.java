package io.haina.crm.platform.records;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import io.haina.crm.platform.metadata.DuplicateKey;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;

/**
 * The table of one object and its columns, for jOOQ. Identifiers come from the declaration and
 * always go through {@code DSL.name}, so they are quoted, never spliced into SQL text.
 */
final class RecordTable {

    final Table<Record> table;
    final Field<Long> id;
    final Field<Long> ownerId;
    final Field<Long> ownerDepartmentId;
    final Field<Long> createdBy;
    final Field<OffsetDateTime> createdAt;
    final Field<Long> updatedBy;
    final Field<OffsetDateTime> updatedAt;
    final Field<Integer> version;
    final Field<OffsetDateTime> deletedAt;
    final Field<Long> deletedBy;
    private final String tableName;

    /** The position of the object's first field in a row read with {@link #selection}, after the bookkeeping. */
    static final int FIRST_FIELD = 10;

    RecordTable(ObjectDef object) {
        this.tableName = object.table();
        this.table = table(name(tableName));
        this.id = column("id", Long.class);
        this.ownerId = column("owner_id", Long.class);
        this.ownerDepartmentId = column("owner_department_id", Long.class);
        this.createdBy = column("created_by", Long.class);
        this.createdAt = column("created_at", OffsetDateTime.class);
        this.updatedBy = column("updated_by", Long.class);
        this.updatedAt = column("updated_at", OffsetDateTime.class);
        this.version = column("version", Integer.class);
        this.deletedAt = column("deleted_at", OffsetDateTime.class);
        this.deletedBy = column("deleted_by", Long.class);
    }

    /**
     * The columns the engine reads: bookkeeping, then the object's fields (as the reader sees the
     * object, so hidden fields are not even read). Named, never {@code select *}: a custom field
     * added by DDL changes {@code *}, and a statement a pooled connection prepared before would
     * then fail ("cached plan must not change result type").
     */
    List<Field<?>> selection(ObjectDef object) {
        List<Field<?>> columns = new ArrayList<>(List.of(id, ownerId, ownerDepartmentId, createdBy, createdAt, updatedBy,
                updatedAt, version, deletedAt, deletedBy));
        assert columns.size() == FIRST_FIELD;
        for (FieldDef field : object.fields()) {
            columns.add(of(field));
        }
        return columns;
    }

    <T> Field<T> column(String column, Class<T> type) {
        return field(name(tableName, column), type);
    }

    /** The column of a field, typed as the engine stores it. */
    Field<Object> of(FieldDef field) {
        return field(name(tableName, field.name()), ColumnValues.storedType(field.type()));
    }

    /** The column holding a duplicate key, beside the field it is computed from. */
    Field<String> keyColumn(DuplicateKey key) {
        return column(key.column(), String.class);
    }

    /** The pool a record of a pooled object sits in, or null while someone owns it. */
    Field<Long> poolId() {
        return column("pool_id", Long.class);
    }

    /** Since when the current owner has held a record of a pooled object (how long untouched counts from). */
    Field<OffsetDateTime> ownerSince() {
        return column("owner_since", OffsetDateTime.class);
    }

    /** Whether a record of a pooled object is kept from returning to its pool automatically. */
    Field<Boolean> returnLocked() {
        return column("return_locked", Boolean.class);
    }

    /** The currency column beside a money field. */
    Field<String> currencyOf(FieldDef field) {
        if (!(field.type() instanceof FieldType.Money)) {
            throw new IllegalArgumentException(field.name() + " is not money");
        }
        return column(field.name() + "_currency", String.class);
    }
}
