package io.haina.crm.platform.io;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;

import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;

/** The module's own tables: the import log with its rows and problems, and the export log. */
final class ImportTables {

    private ImportTables() {
    }

    static final class Jobs {
        static final Table<Record> TABLE = table(name("import_job"));
        static final Field<Long> ID = field(name("id"), Long.class);
        static final Field<String> OBJECT_CODE = field(name("object_code"), String.class);
        static final Field<String> FILE_NAME = field(name("file_name"), String.class);
        static final Field<String> FILE_FORMAT = field(name("file_format"), String.class);
        static final Field<String> CHARSET = field(name("charset"), String.class);
        static final Field<byte[]> CONTENT = field(name("content"), byte[].class);
        static final Field<Long> CREATED_BY = field(name("created_by"), Long.class);
        static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
        static final Field<String> LANGUAGE = field(name("language"), String.class);
        static final Field<String> TIME_ZONE = field(name("time_zone"), String.class);
        static final Field<JSONB> HEADERS = field(name("headers"), JSONB.class);
        static final Field<JSONB> MAPPING = field(name("mapping"), JSONB.class);
        static final Field<String> DUPLICATE_POLICY = field(name("duplicate_policy"), String.class);
        static final Field<String[]> MATCH_FIELDS = field(name("match_fields"), String[].class);
        static final Field<String> STATUS = field(name("status"), String.class);
        static final Field<Integer> TOTAL_ROWS = field(name("total_rows"), Integer.class);
        static final Field<Integer> PROCESSED_ROWS = field(name("processed_rows"), Integer.class);
        static final Field<Integer> LAST_ROW = field(name("last_row"), Integer.class);
        static final Field<Integer> CREATED_COUNT = field(name("created_count"), Integer.class);
        static final Field<Integer> UPDATED_COUNT = field(name("updated_count"), Integer.class);
        static final Field<Integer> SKIPPED_COUNT = field(name("skipped_count"), Integer.class);
        static final Field<Integer> FAILED_COUNT = field(name("failed_count"), Integer.class);
        static final Field<Integer> UNDONE_COUNT = field(name("undone_count"), Integer.class);
        static final Field<OffsetDateTime> STARTED_AT = field(name("started_at"), OffsetDateTime.class);
        static final Field<OffsetDateTime> FINISHED_AT = field(name("finished_at"), OffsetDateTime.class);
        static final Field<String> FAILURE = field(name("failure"), String.class);

        private Jobs() {
        }
    }

    static final class Rows {
        static final Table<Record> TABLE = table(name("import_row"));
        static final Field<Long> IMPORT_ID = field(name("import_id"), Long.class);
        static final Field<Integer> ROW_NUMBER = field(name("row_number"), Integer.class);
        static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
        static final Field<String> ACTION = field(name("action"), String.class);
        static final Field<JSONB> PREVIOUS_VALUES = field(name("previous_values"), JSONB.class);
        static final Field<Integer> VERSION_AFTER = field(name("version_after"), Integer.class);
        static final Field<Boolean> UNDONE = field(name("undone"), Boolean.class);

        private Rows() {
        }
    }

    static final class Problems {
        static final Table<Record> TABLE = table(name("import_problem"));
        static final Field<Long> IMPORT_ID = field(name("import_id"), Long.class);
        static final Field<String> PHASE = field(name("phase"), String.class);
        static final Field<Integer> ROW_NUMBER = field(name("row_number"), Integer.class);
        static final Field<JSONB> CELLS = field(name("cells"), JSONB.class);
        static final Field<String> MESSAGE = field(name("message"), String.class);

        private Problems() {
        }
    }

    static final class Exports {
        static final Table<Record> TABLE = table(name("export_log"));
        static final Field<Long> ID = field(name("id"), Long.class);
        static final Field<String> OBJECT_CODE = field(name("object_code"), String.class);
        static final Field<Long> EXPORTED_BY = field(name("exported_by"), Long.class);
        static final Field<String> FILE_FORMAT = field(name("file_format"), String.class);
        static final Field<Integer> ROW_COUNT = field(name("row_count"), Integer.class);
        static final Field<JSONB> REQUEST = field(name("request"), JSONB.class);

        private Exports() {
        }
    }
}
