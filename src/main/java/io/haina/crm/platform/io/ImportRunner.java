package io.haina.crm.platform.io;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.LookupTargets;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.StaleRecordException;
import io.haina.crm.platform.records.pages.FieldDisplay;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.Messages;

/**
 * The background work of an import, one phase per job:
 * <ul>
 * <li>check: every row through the engine inside one transaction that is rolled back at the end,
 * each row in a savepoint, so rows repeating each other inside the file are caught as the run
 * would catch them and nothing is kept; counts and problems are written beside it;</li>
 * <li>run: every row in its own transaction with its link and the progress, so a run stopped by
 * a restart resumes after the last row it committed;</li>
 * <li>undo: created records deleted, changed records put back if nobody changed them since.</li>
 * </ul>
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final int CHECK_PROGRESS_EVERY = 100;

    private final ImportJobRepository imports;
    private final ImportFiles files;
    private final RecordService records;
    private final RecordFinder finder;
    private final Permissions permissions;
    private final BilingualLabels labels;
    private final MessageSource messages;
    private final TransactionTemplate perRow;
    private final TransactionTemplate savepoint;
    private final TransactionTemplate separate;
    private final LookupTargets lookups;

    ImportRunner(ImportJobRepository imports, ImportFiles files, RecordService records, RecordFinder finder,
                 Permissions permissions, BilingualLabels labels, MessageSource messages,
                 PlatformTransactionManager transactions, LookupTargets lookups) {
        this.lookups = lookups;
        this.imports = imports;
        this.files = files;
        this.records = records;
        this.finder = finder;
        this.permissions = permissions;
        this.labels = labels;
        this.messages = messages;
        this.perRow = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs a phase; an unexpected error stops the import as failed, logged, and is not retried. */
    void execute(long importId, ImportPhase phase) {
        ImportJobRepository.Stored stored = imports.find(importId).orElse(null);
        if (stored == null) {
            return; // deleted meanwhile
        }
        Messages msg = new Messages(messages, Locale.forLanguageTag(stored.language()));
        try {
            switch (phase) {
                case CHECK -> check(stored, msg);
                case RUN -> run(stored, msg);
                case UNDO -> undo(stored, msg);
            }
        } catch (RuntimeException e) {
            log.error("Import {} stopped in its {} phase", importId, phase, e);
            imports.fail(importId, msg.t(e instanceof org.springframework.security.access.AccessDeniedException
                    ? "error.forbidden" : "import.error.unexpected"));
        }
    }

    private void check(ImportJobRepository.Stored stored, Messages msg) {
        ImportJob job = stored.job();
        Work work = prepare(stored, msg);
        Tally tally = new Tally();
        List<ImportProblem> pending = new ArrayList<>();
        perRow.executeWithoutResult(outer -> {
            work.file().forEachRow(row -> {
                try {
                    tally.count(savepoint.execute(s -> work.rows().apply(row)));
                } catch (RuntimeException refused) {
                    tally.countFailed();
                    pending.add(new ImportProblem(row.number(), row.cells(), work.problems().of(refused)));
                }
                if (tally.processed() % CHECK_PROGRESS_EVERY == 0) {
                    report(job.id(), tally, pending);
                }
            });
            outer.setRollbackOnly();
        });
        report(job.id(), tally, pending);
        imports.finish(job.id(), ImportState.CHECKED);
    }

    private void report(long importId, Tally tally, List<ImportProblem> pending) {
        separate.executeWithoutResult(s -> {
            imports.problems(importId, ImportPhase.CHECK, pending);
            imports.progress(importId, tally);
        });
        pending.clear();
    }

    private void run(ImportJobRepository.Stored stored, Messages msg) {
        long id = stored.job().id();
        Work work = prepare(stored, msg);
        work.file().forEachRow(row -> {
            if (row.number() <= stored.lastRow()) {
                return; // committed before a restart
            }
            try {
                perRow.executeWithoutResult(s -> imports.advance(id, row.number(), work.rows().apply(row)));
            } catch (RuntimeException refused) {
                ImportProblem problem = new ImportProblem(row.number(), row.cells(), work.problems().of(refused));
                perRow.executeWithoutResult(s -> imports.refuse(id, problem));
            }
        });
        imports.finish(id, ImportState.DONE);
    }

    private void undo(ImportJobRepository.Stored stored, Messages msg) {
        ImportJob job = stored.job();
        ProblemMessages problems = new ProblemMessages(finder.describe(job.createdBy(), job.objectCode()), msg);
        for (ImportLink link : imports.notUndone(job.id())) {
            try {
                perRow.executeWithoutResult(s -> {
                    putBack(job, link);
                    imports.undoDone(job.id(), link.row(), true);
                });
            } catch (RuntimeException refused) {
                ImportProblem problem = new ImportProblem(link.row(), List.of(), problems.of(refused));
                perRow.executeWithoutResult(s -> {
                    imports.problems(job.id(), ImportPhase.UNDO, List.of(problem));
                    imports.undoDone(job.id(), link.row(), false);
                });
            }
        }
        imports.finish(job.id(), ImportState.UNDONE);
    }

    /** A stale update (someone changed the record since) is refused by the engine and reported. */
    private void putBack(ImportJob job, ImportLink link) {
        switch (link.action()) {
            case CREATED -> records.delete(job.createdBy(), job.objectCode(), link.recordId());
            case UPDATED -> {
                try {
                    records.update(job.createdBy(), job.objectCode(), link.recordId(), link.versionAfter(),
                            link.previous() == null ? Map.of() : link.previous());
                } catch (StaleRecordException changedSince) {
                    throw new ConflictException("import.undo.changed-since", changedSince.args()[0]);
                }
            }
            case SKIPPED -> { }
        }
    }

    private record Work(SourceFile file, RowImporter rows, ProblemMessages problems) {
    }

    /** The file and the row importer, once the importer is known to still hold the grant. */
    private Work prepare(ImportJobRepository.Stored stored, Messages msg) {
        ImportJob job = stored.job();
        permissions.require(job.createdBy(), job.objectCode(), ObjectAction.IMPORT);
        ObjectDef object = finder.describe(job.createdBy(), job.objectCode());
        ZoneId zone = ZoneId.of(stored.timeZone());
        SourceFile file = files.open(job.format(), stored.charset(), imports.content(job.id()));
        RowInput input = new RowInput(object, job.mapping(), zone, labels, new LookupCells(lookups, job.createdBy()));
        RowImporter rows = new RowImporter(job, object, input, records,
                finder, imports, new FieldDisplay(msg, zone));
        return new Work(file, rows, new ProblemMessages(object, msg));
    }
}
