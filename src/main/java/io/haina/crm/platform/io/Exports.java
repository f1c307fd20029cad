package io.haina.crm.platform.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Service;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.LookupTargets;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFiles;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.pages.FieldDisplay;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.Messages;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports a list view — the records the same request lists for the exporter, in its order — as
 * CSV or XLSX, streamed from a database cursor to the response, and logs who exported what.
 */
@Service
public class Exports {

    /** Rows written per look-up of lookup names (the database cursor fetches this many at a time, too). */
    private static final int NAME_BATCH = 500;

    private final RecordFinder finder;
    private final Permissions permissions;
    private final DSLContext db;
    private final JsonMapper json;
    private final LookupTargets lookups;
    private final RecordFiles files;

    Exports(RecordFinder finder, Permissions permissions, DSLContext db, JsonMapper json, LookupTargets lookups,
            RecordFiles files) {
        this.lookups = lookups;
        this.files = files;
        this.finder = finder;
        this.permissions = permissions;
        this.db = db;
        this.json = json;
    }

    /** Checks the grants before anything is written, so a refusal is a clean 403, not half a file. */
    public ObjectDef exportable(long actorId, String objectCode) {
        ObjectDef object = finder.describe(actorId, objectCode);
        permissions.require(actorId, objectCode, ObjectAction.EXPORT);
        return object;
    }

    /** Where the file goes, opened only once there is something to write (a response, say). */
    @FunctionalInterface
    public interface Destination {
        OutputStream open() throws IOException;
    }

    /**
     * Writes the file; the number of records in it. The destination is opened with the first
     * record (or after the last, when there is none), so that a request the finder refuses (a
     * sort on an unknown field) is answered as an ordinary error, not after a file was begun.
     */
    public int export(long actorId, String objectCode, RecordListRequest request, FileFormat format, Messages msg,
                      ZoneId zone, Destination out) throws IOException {
        ObjectDef object = exportable(actorId, objectCode);
        ExportColumns columns = new ExportColumns(object, new FieldDisplay(msg, zone));
        String sheetName = msg.t(object.labelKey() + ".plural");
        ExportWriter[] writer = {null};
        int[] count = {0};
        // Rows go out a batch at a time: the names their lookups and files show are fetched once per batch (and target object).
        List<RecordData> batch = new ArrayList<>(NAME_BATCH);
        Runnable flush = () -> {
            try {
                if (writer[0] == null) {
                    writer[0] = open(format, out, sheetName, columns);
                }
                ExportColumns named = columns.withLookups(lookups.namesFor(actorId, object, batch)).withFiles(files.of(object, batch));
                for (RecordData record : batch) {
                    writer[0].row(named.cells(record));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count[0] += batch.size();
            batch.clear();
        };
        try {
            finder.stream(actorId, objectCode, request, record -> {
                batch.add(record);
                if (batch.size() == NAME_BATCH) {
                    flush.run();
                }
            });
            flush.run(); // the last rows, or the header alone of an empty export
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (writer[0] != null) {
                writer[0].close();
            }
        }
        log(actorId, objectCode, format, count[0], request);
        return count[0];
    }

    private static ExportWriter open(FileFormat format, Destination destination, String sheetName,
                                     ExportColumns columns) throws IOException {
        OutputStream out = destination.open();
        return switch (format) {
            case CSV -> new CsvExportWriter(out, columns.titles());
            case XLSX -> new XlsxExportWriter(out, sheetName, columns.titles());
        };
    }

    private void log(long actorId, String objectCode, FileFormat format, int rows, RecordListRequest request) {
        Map<String, Object> listed = new LinkedHashMap<>();
        listed.put("q", request.quickSearch());
        listed.put("filter", request.filter());
        listed.put("scene", request.scene().code());
        listed.put("sort", request.sort());
        db.insertInto(ImportTables.Exports.TABLE)
                .set(ImportTables.Exports.OBJECT_CODE, objectCode)
                .set(ImportTables.Exports.EXPORTED_BY, actorId)
                .set(ImportTables.Exports.FILE_FORMAT, format.name())
                .set(ImportTables.Exports.ROW_COUNT, rows)
                .set(ImportTables.Exports.REQUEST, JSONB.valueOf(json.writeValueAsString(listed)))
                .execute();
    }
}
