package io.haina.crm.platform.records;

import java.util.List;
import java.util.Optional;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;

/**
 * The bookkeeping columns every record table has, as fields, so that lists can show, filter and
 * sort on them like on declared fields: owner, created and changed by whom and when. The engine
 * sets them; nobody types them.
 */
public final class SystemFields {

    public static final FieldDef OWNER = FieldDef.optional("owner_id", "record.field.owner", new FieldType.UserRef());
    public static final FieldDef CREATED_AT = FieldDef.optional("created_at", "record.field.created-at", new FieldType.DateTime());
    public static final FieldDef UPDATED_AT = FieldDef.optional("updated_at", "record.field.updated-at", new FieldType.DateTime());
    public static final FieldDef CREATED_BY = FieldDef.optional("created_by", "record.field.created-by", new FieldType.UserRef());
    public static final FieldDef UPDATED_BY = FieldDef.optional("updated_by", "record.field.updated-by", new FieldType.UserRef());

    public static final List<FieldDef> ALL = List.of(OWNER, CREATED_AT, UPDATED_AT, CREATED_BY, UPDATED_BY);

    /**
     * The pool a record of a pooled object sits in: for filters only ({@code pool_id eq 3} lists a
     * pool), not offered as a column.
     */
    public static final FieldDef POOL = FieldDef.optional("pool_id", "record.field.pool",
            new FieldType.Decimal(18, 0, null, null));

    private SystemFields() {
    }

    public static boolean isSystem(String name) {
        return ALL.stream().anyMatch(f -> f.name().equals(name));
    }

    /** A declared field of the object, or one of the bookkeeping fields (the pool, for pooled objects). */
    public static Optional<FieldDef> find(ObjectDef object, String name) {
        if (object.pooled() && POOL.name().equals(name)) {
            return Optional.of(POOL);
        }
        return object.field(name).or(() -> ALL.stream().filter(f -> f.name().equals(name)).findFirst());
    }
}
