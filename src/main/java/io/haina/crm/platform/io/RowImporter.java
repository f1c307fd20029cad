package io.haina.crm.platform.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.EntryChannel;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.pages.FieldDisplay;
import io.haina.crm.platform.web.InvalidInputException;

/**
 * Imports one row through the record engine, as its importer: finds the record it repeats on the
 * match fields (a company name also by its duplicate key: 北京海纳科技 repeats 北京海纳科技有限公司),
 * then skips it, updates it or creates a new one as the policy says, and links what it wrote to
 * the import for the undo. Throws what the engine throws; the caller decides the
 * transaction (committed per row in a run, rolled back in a dry run).
 */
final class RowImporter {

    private final long importId;
    private final long actorId;
    private final ObjectDef object;
    private final ImportJob job;
    private final RowInput input;
    private final RecordService records;
    private final RecordFinder finder;
    private final ImportJobRepository imports;
    private final FieldDisplay display;

    RowImporter(ImportJob job, ObjectDef object, RowInput input, RecordService records, RecordFinder finder,
                ImportJobRepository imports, FieldDisplay display) {
        this.importId = job.id();
        this.actorId = job.createdBy();
        this.object = object;
        this.job = job;
        this.input = input;
        this.records = records;
        this.finder = finder;
        this.imports = imports;
        this.display = display;
    }

    Outcome apply(SourceRow row) {
        Map<String, String> values = input.of(row);
        RecordData existing = job.duplicatePolicy() == DuplicatePolicy.CREATE ? null : existing(values);
        if (existing == null) {
            RecordData created = records.create(actorId, object.code(), values, EntryChannel.IMPORT);
            imports.link(importId, new ImportLink(row.number(), created.id(), Outcome.CREATED, null, created.version()));
            return Outcome.CREATED;
        }
        if (job.duplicatePolicy() == DuplicatePolicy.SKIP) {
            return Outcome.SKIPPED;
        }
        return update(row, existing, values);
    }

    /**
     * Blank cells leave a field as it is: a file with fewer columns filled never clears data. The
     * match fields stay too: the row found the record by them, and a name matched by its company
     * key (北京海纳科技 for 北京海纳科技有限公司) is not a rename.
     */
    private Outcome update(SourceRow row, RecordData existing, Map<String, String> values) {
        Map<String, String> changes = new LinkedHashMap<>();
        Map<String, String> previous = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (!value.isBlank() && !job.matchFields().contains(field)) {
                changes.put(field, value);
                previous.put(field, display.input(object.field(field).orElseThrow(), existing.get(field)));
            }
        });
        RecordData updated = records.update(actorId, object.code(), existing.id(), existing.version(), changes);
        if (updated.version() == existing.version()) {
            return Outcome.SKIPPED;
        }
        imports.link(importId, new ImportLink(row.number(), existing.id(), Outcome.UPDATED, previous, updated.version()));
        return Outcome.UPDATED;
    }

    /** The one record the row repeats, null if none; several are ambiguous and refused. */
    private RecordData existing(Map<String, String> values) {
        Map<String, String> key = new LinkedHashMap<>();
        for (String field : job.matchFields()) {
            String value = values.get(field);
            if (value == null || value.isBlank()) {
                return null;
            }
            key.put(field, value);
        }
        if (key.isEmpty()) {
            return null;
        }
        List<RecordData> found = finder.repeating(actorId, object.code(), key, 2);
        if (found.size() > 1) {
            throw InvalidInputException.of(null, "import.error.ambiguous-match",
                    String.join(", ", key.values().stream().filter(Objects::nonNull).toList()));
        }
        return found.isEmpty() ? null : found.getFirst();
    }
}
