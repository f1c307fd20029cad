package io.haina.crm.platform.io;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import io.haina.crm.platform.io.ImportTables.Jobs;
import io.haina.crm.platform.io.ImportTables.Problems;
import io.haina.crm.platform.io.ImportTables.Rows;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The import log, its row links and problems. Callers decide the transactions. */
@Repository
class ImportJobRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() { };

    private final DSLContext db;
    private final JsonMapper json;

    ImportJobRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** What the job needs beyond the public view: how to read the file again and whose language to write in. */
    record Stored(ImportJob job, String charset, String language, String timeZone, int lastRow) {
    }

    long insert(String objectCode, String fileName, ImportFiles.Checked file, byte[] content, long createdBy,
                String language, String timeZone, List<String> mapping, List<String> matchFields) {
        return db.insertInto(Jobs.TABLE)
                .set(Jobs.OBJECT_CODE, objectCode)
                .set(Jobs.FILE_NAME, fileName)
                .set(Jobs.FILE_FORMAT, file.format().name())
                .set(Jobs.CHARSET, file.charset())
                .set(Jobs.CONTENT, content)
                .set(Jobs.CREATED_BY, createdBy)
                .set(Jobs.LANGUAGE, language)
                .set(Jobs.TIME_ZONE, timeZone)
                .set(Jobs.HEADERS, jsonb(file.file().headers()))
                .set(Jobs.MAPPING, jsonb(mapping))
                .set(Jobs.MATCH_FIELDS, matchFields.toArray(String[]::new))
                .set(Jobs.STATUS, ImportState.UPLOADED.name())
                .set(Jobs.TOTAL_ROWS, file.rows())
                .returning(Jobs.ID).fetchOne().get(Jobs.ID);
    }

    Optional<Stored> find(long id) {
        return db.select().from(Jobs.TABLE).where(Jobs.ID.eq(id)).fetchOptional(this::stored);
    }

    byte[] content(long id) {
        return db.select(Jobs.CONTENT).from(Jobs.TABLE).where(Jobs.ID.eq(id)).fetchOne(Jobs.CONTENT);
    }

    List<ImportJob> recent(long createdBy, String objectCode, int limit) {
        return db.select().from(Jobs.TABLE).where(Jobs.CREATED_BY.eq(createdBy)).and(Jobs.OBJECT_CODE.eq(objectCode))
                .orderBy(Jobs.ID.desc()).limit(limit).fetch(r -> stored(r).job());
    }

    /** New mapping and policy, while the import is still being set up; false when it no longer is. */
    boolean configure(long id, List<String> mapping, DuplicatePolicy policy, List<String> matchFields) {
        return db.update(Jobs.TABLE).set(Jobs.MAPPING, jsonb(mapping)).set(Jobs.DUPLICATE_POLICY, policy.name())
                .set(Jobs.MATCH_FIELDS, matchFields.toArray(String[]::new))
                .where(Jobs.ID.eq(id)).and(Jobs.STATUS.in(names(ImportState.UPLOADED, ImportState.CHECKED)))
                .execute() == 1;
    }

    /**
     * Moves the import into a busy state if it is in one of {@code from}, with the counts of the
     * phase starting at zero (an undo keeps the run's counts: they are what it undoes). False when
     * another request moved it first.
     */
    boolean start(long id, ImportPhase phase, ImportState to, ImportState... from) {
        var update = db.update(Jobs.TABLE).set(Jobs.STATUS, to.name()).set(Jobs.PROCESSED_ROWS, 0)
                .set(Jobs.STARTED_AT, OffsetDateTime.now()).setNull(Jobs.FINISHED_AT);
        update = phase == ImportPhase.UNDO ? update.set(Jobs.UNDONE_COUNT, 0)
                : update.set(Jobs.LAST_ROW, 0).set(Jobs.CREATED_COUNT, 0).set(Jobs.UPDATED_COUNT, 0)
                        .set(Jobs.SKIPPED_COUNT, 0).set(Jobs.FAILED_COUNT, 0);
        boolean moved = update.where(Jobs.ID.eq(id)).and(Jobs.STATUS.in(names(from))).execute() == 1;
        if (moved) {
            db.deleteFrom(Problems.TABLE).where(Problems.IMPORT_ID.eq(id)).and(Problems.PHASE.eq(phase.name())).execute();
        }
        return moved;
    }

    /** The counts of a dry run so far. */
    void progress(long id, Tally tally) {
        db.update(Jobs.TABLE).set(Jobs.PROCESSED_ROWS, tally.processed()).set(Jobs.CREATED_COUNT, tally.created())
                .set(Jobs.UPDATED_COUNT, tally.updated()).set(Jobs.SKIPPED_COUNT, tally.skipped())
                .set(Jobs.FAILED_COUNT, tally.failed()).where(Jobs.ID.eq(id)).execute();
    }

    /** One more row of a run done, in the transaction of its record. */
    void advance(long id, int rowNumber, Outcome outcome) {
        var counter = switch (outcome) {
            case CREATED -> Jobs.CREATED_COUNT;
            case UPDATED -> Jobs.UPDATED_COUNT;
            case SKIPPED -> Jobs.SKIPPED_COUNT;
        };
        db.update(Jobs.TABLE).set(Jobs.PROCESSED_ROWS, Jobs.PROCESSED_ROWS.plus(1)).set(Jobs.LAST_ROW, rowNumber)
                .set(counter, counter.plus(1)).where(Jobs.ID.eq(id)).execute();
    }

    /** One more row of a run refused. */
    void refuse(long id, ImportProblem problem) {
        problems(id, ImportPhase.RUN, List.of(problem));
        db.update(Jobs.TABLE).set(Jobs.PROCESSED_ROWS, Jobs.PROCESSED_ROWS.plus(1)).set(Jobs.LAST_ROW, problem.row())
                .set(Jobs.FAILED_COUNT, Jobs.FAILED_COUNT.plus(1)).where(Jobs.ID.eq(id)).execute();
    }

    void problems(long id, ImportPhase phase, Collection<ImportProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        var insert = db.insertInto(Problems.TABLE, Problems.IMPORT_ID, Problems.PHASE, Problems.ROW_NUMBER,
                Problems.CELLS, Problems.MESSAGE);
        for (ImportProblem p : problems) {
            insert = insert.values(id, phase.name(), p.row(), jsonb(p.cells()), p.message());
        }
        insert.execute();
    }

    List<ImportProblem> problems(long id, ImportPhase phase, int limit) {
        return db.select(Problems.ROW_NUMBER, Problems.CELLS, Problems.MESSAGE).from(Problems.TABLE)
                .where(Problems.IMPORT_ID.eq(id)).and(Problems.PHASE.eq(phase.name()))
                .orderBy(Problems.ROW_NUMBER).limit(limit).fetch(this::problem);
    }

    /** Every problem of a phase, in row order, without holding them all. */
    void forEachProblem(long id, ImportPhase phase, Consumer<ImportProblem> sink) {
        try (var cursor = db.select(Problems.ROW_NUMBER, Problems.CELLS, Problems.MESSAGE).from(Problems.TABLE)
                .where(Problems.IMPORT_ID.eq(id)).and(Problems.PHASE.eq(phase.name()))
                .orderBy(Problems.ROW_NUMBER).fetchSize(500).fetchLazy()) {
            for (Record row : cursor) {
                sink.accept(problem(row));
            }
        }
    }

    void finish(long id, ImportState state) {
        db.update(Jobs.TABLE).set(Jobs.STATUS, state.name()).set(Jobs.FINISHED_AT, OffsetDateTime.now())
                .where(Jobs.ID.eq(id)).execute();
    }

    void fail(long id, String message) {
        db.update(Jobs.TABLE).set(Jobs.STATUS, ImportState.FAILED.name()).set(Jobs.FAILURE, message)
                .set(Jobs.FINISHED_AT, OffsetDateTime.now()).where(Jobs.ID.eq(id)).execute();
    }

    void link(long id, ImportLink link) {
        db.insertInto(Rows.TABLE)
                .set(Rows.IMPORT_ID, id)
                .set(Rows.ROW_NUMBER, link.row())
                .set(Rows.RECORD_ID, link.recordId())
                .set(Rows.ACTION, link.action().name())
                .set(Rows.PREVIOUS_VALUES, link.previous() == null ? null : jsonb(link.previous()))
                .set(Rows.VERSION_AFTER, link.versionAfter())
                .execute();
    }

    /** The links an undo has still to go through, in row order. */
    List<ImportLink> notUndone(long id) {
        return db.select().from(Rows.TABLE).where(Rows.IMPORT_ID.eq(id)).and(Rows.UNDONE.isFalse())
                .orderBy(Rows.ROW_NUMBER).fetch(r -> new ImportLink(r.get(Rows.ROW_NUMBER), r.get(Rows.RECORD_ID),
                        Outcome.valueOf(r.get(Rows.ACTION)),
                        r.get(Rows.PREVIOUS_VALUES) == null ? null : json.readValue(r.get(Rows.PREVIOUS_VALUES).data(), VALUES),
                        r.get(Rows.VERSION_AFTER)));
    }

    /** A link gone through by the undo: put back, or reported as a problem ({@code undone} false). */
    void undoDone(long id, int row, boolean undone) {
        db.update(Rows.TABLE).set(Rows.UNDONE, true).where(Rows.IMPORT_ID.eq(id)).and(Rows.ROW_NUMBER.eq(row)).execute();
        db.update(Jobs.TABLE).set(Jobs.PROCESSED_ROWS, Jobs.PROCESSED_ROWS.plus(1))
                .set(Jobs.UNDONE_COUNT, undone ? Jobs.UNDONE_COUNT.plus(1) : Jobs.UNDONE_COUNT)
                .where(Jobs.ID.eq(id)).execute();
    }

    private Stored stored(Record r) {
        ImportJob job = new ImportJob(r.get(Jobs.ID), r.get(Jobs.OBJECT_CODE), r.get(Jobs.FILE_NAME),
                FileFormat.valueOf(r.get(Jobs.FILE_FORMAT)), r.get(Jobs.CREATED_BY), r.get(Jobs.CREATED_AT),
                json.readValue(r.get(Jobs.HEADERS).data(), STRINGS), json.readValue(r.get(Jobs.MAPPING).data(), STRINGS),
                DuplicatePolicy.valueOf(r.get(Jobs.DUPLICATE_POLICY)), Arrays.asList(r.get(Jobs.MATCH_FIELDS)),
                ImportState.valueOf(r.get(Jobs.STATUS)), r.get(Jobs.TOTAL_ROWS), r.get(Jobs.PROCESSED_ROWS),
                r.get(Jobs.CREATED_COUNT), r.get(Jobs.UPDATED_COUNT), r.get(Jobs.SKIPPED_COUNT), r.get(Jobs.FAILED_COUNT),
                r.get(Jobs.UNDONE_COUNT), r.get(Jobs.FINISHED_AT), r.get(Jobs.FAILURE));
        return new Stored(job, r.get(Jobs.CHARSET), r.get(Jobs.LANGUAGE), r.get(Jobs.TIME_ZONE), r.get(Jobs.LAST_ROW));
    }

    private ImportProblem problem(Record r) {
        return new ImportProblem(r.get(Problems.ROW_NUMBER), json.readValue(r.get(Problems.CELLS).data(), STRINGS),
                r.get(Problems.MESSAGE));
    }

    private JSONB jsonb(Object value) {
        return JSONB.valueOf(json.writeValueAsString(value));
    }

    private static List<String> names(ImportState... states) {
        return Arrays.stream(states).map(Enum::name).toList();
    }
}
