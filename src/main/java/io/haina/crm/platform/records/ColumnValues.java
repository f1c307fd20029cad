package io.haina.crm.platform.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

import io.haina.crm.platform.metadata.FieldType;

/** How each field type's value travels between Java and its column. */
final class ColumnValues {

    private ColumnValues() {
    }

    @SuppressWarnings("unchecked")
    static DataType<Object> storedType(FieldType type) {
        DataType<?> dataType = switch (type) {
            case FieldType.Text t -> SQLDataType.CLOB;
            case FieldType.LongText t -> SQLDataType.CLOB;
            case FieldType.Decimal t -> SQLDataType.NUMERIC;
            case FieldType.Money t -> SQLDataType.NUMERIC;
            case FieldType.Percent t -> SQLDataType.NUMERIC;
            case FieldType.Date t -> SQLDataType.LOCALDATE;
            case FieldType.DateTime t -> SQLDataType.OFFSETDATETIME;
            case FieldType.Checkbox t -> SQLDataType.BOOLEAN;
            case FieldType.Picklist t -> SQLDataType.CLOB;
            case FieldType.MultiPicklist t -> SQLDataType.CLOB.array();
            case FieldType.Lookup t -> SQLDataType.BIGINT;
            case FieldType.UserRef t -> SQLDataType.BIGINT;
            case FieldType.DepartmentRef t -> SQLDataType.BIGINT;
            case FieldType.Email t -> SQLDataType.CLOB;
            case FieldType.Phone t -> SQLDataType.CLOB;
            case FieldType.Url t -> SQLDataType.CLOB;
            case FieldType.Region t -> SQLDataType.CLOB.array();
            case FieldType.AutoNumber t -> SQLDataType.CLOB;
            case FieldType.Attachment t -> SQLDataType.BIGINT.array();
        };
        return (DataType<Object>) dataType;
    }

    /** A parsed value as its column wants it (lists become arrays). */
    static Object toColumn(Object value) {
        return switch (value) {
            case null -> null;
            case List<?> list when !list.isEmpty() && list.getFirst() instanceof Long -> list.toArray(Long[]::new);
            case List<?> list -> list.stream().map(String::valueOf).toArray(String[]::new);
            default -> value;
        };
    }

    /** A column's value as the engine hands it out (arrays become lists). */
    static Object fromColumn(Object value) {
        return switch (value) {
            case null -> null;
            case Object[] array -> List.copyOf(Arrays.asList(array));
            case BigDecimal number -> number;
            case LocalDate date -> date;
            case OffsetDateTime time -> time;
            default -> value;
        };
    }
}
