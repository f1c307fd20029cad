package io.haina.crm.platform.io;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import io.haina.crm.platform.jobs.BackgroundJobs;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Imports of records from CSV and XLSX files: upload (the file is checked and its columns mapped
 * by label), set the mapping and duplicate policy, check (dry run), run, undo — each in the
 * background. Only the importer sees an import, and only while they hold the IMPORT grant.
 */
@Service
@Transactional
public class Imports {

    public static final int PROBLEMS_SHOWN = 200;

    private final ImportJobRepository imports;
    private final ImportFiles files;
    private final RecordFinder finder;
    private final Permissions permissions;
    private final BilingualLabels labels;
    private final BackgroundJobs jobs;
    private final OneTimeTask<Void> task;

    Imports(ImportJobRepository imports, ImportFiles files, RecordFinder finder, Permissions permissions,
            BilingualLabels labels, BackgroundJobs jobs, @Qualifier("importTask") OneTimeTask<Void> task) {
        this.imports = imports;
        this.files = files;
        this.finder = finder;
        this.permissions = permissions;
        this.labels = labels;
        this.jobs = jobs;
        this.task = task;
    }

    /** Reads the file, refusing what cannot be imported; its columns are mapped by their titles. */
    public ImportJob upload(long actorId, String objectCode, String fileName, byte[] content, Locale language,
                            ZoneId zone) {
        ObjectDef object = importable(actorId, objectCode);
        ImportFiles.Checked file = files.check(fileName, content);
        List<String> mapping = autoMapping(object, file.file().headers());
        long id = imports.insert(objectCode, fileName == null || fileName.isBlank() ? "import" : fileName.strip(), file,
                content, actorId, language.toLanguageTag(), zone.getId(), mapping, defaultMatch(object, mapping));
        return get(actorId, objectCode, id);
    }

    @Transactional(readOnly = true)
    public ImportJob get(long actorId, String objectCode, long id) {
        importable(actorId, objectCode);
        return imports.find(id).map(ImportJobRepository.Stored::job)
                .filter(job -> job.objectCode().equals(objectCode) && job.createdBy() == actorId)
                .orElseThrow(() -> new NotFoundException("import " + id));
    }

    /** The actor's latest imports of this object, newest first. */
    @Transactional(readOnly = true)
    public List<ImportJob> recent(long actorId, String objectCode, int limit) {
        importable(actorId, objectCode);
        return imports.recent(actorId, objectCode, limit);
    }

    /** The fields a column may go to: what the actor sees, less what the system fills in. */
    @Transactional(readOnly = true)
    public List<FieldDef> targets(long actorId, String objectCode) {
        return importable(actorId, objectCode).fields().stream().filter(Imports::typedByPeople).toList();
    }

    /**
     * Sets how columns map to fields ({@code null}: ignore the column) and what a row repeating an
     * existing record does. Refused: a field twice, a required field left out, nothing mapped, a
     * match field that is not mapped.
     */
    public ImportJob configure(long actorId, String objectCode, long id, List<String> mapping, DuplicatePolicy policy,
                               List<String> matchFields) {
        ImportJob job = get(actorId, objectCode, id);
        ObjectDef object = finder.describe(actorId, objectCode);
        validate(object, job, mapping, policy, matchFields);
        if (!imports.configure(id, mapping, policy, matchFields)) {
            throw new ConflictException("import.error.busy");
        }
        return get(actorId, objectCode, id);
    }

    /** Starts a dry run: every row through the engine, nothing kept, bad rows listed. */
    public ImportJob check(long actorId, String objectCode, long id) {
        return start(actorId, objectCode, id, ImportPhase.CHECK, ImportState.CHECKING, ImportState.UPLOADED,
                ImportState.CHECKED);
    }

    /** Starts the import itself; rows the engine refuses are listed and left out. */
    public ImportJob run(long actorId, String objectCode, long id) {
        return start(actorId, objectCode, id, ImportPhase.RUN, ImportState.RUNNING, ImportState.UPLOADED,
                ImportState.CHECKED);
    }

    /** Starts undoing a finished import: its new records deleted, changed ones put back where untouched since. */
    public ImportJob undo(long actorId, String objectCode, long id) {
        ImportJob job = get(actorId, objectCode, id);
        if (job.created() > 0 && !permissions.can(actorId, objectCode, ObjectAction.DELETE)) {
            throw InvalidInputException.of(null, "import.error.undo-needs-delete");
        }
        return start(actorId, objectCode, id, ImportPhase.UNDO, ImportState.UNDOING, ImportState.DONE);
    }

    /** The refused rows of the phase the import last went through (at most {@link #PROBLEMS_SHOWN}). */
    @Transactional(readOnly = true)
    public List<ImportProblem> problems(long actorId, String objectCode, long id) {
        ImportJob job = get(actorId, objectCode, id);
        return imports.problems(id, phaseShown(job.state()), PROBLEMS_SHOWN);
    }

    /** The refused rows as a CSV file: the file's own columns and an error column. */
    @Transactional(readOnly = true)
    public void writeErrorReport(long actorId, String objectCode, long id, Messages msg, OutputStream out)
            throws IOException {
        ImportJob job = get(actorId, objectCode, id);
        try (ErrorReport report = new ErrorReport(out, job.headers(), msg.t("import.report.error-column"),
                msg.t("import.report.row-column"))) {
            imports.forEachProblem(id, phaseShown(job.state()), report::add);
        }
    }

    private ImportJob start(long actorId, String objectCode, long id, ImportPhase phase, ImportState to,
                            ImportState... from) {
        ImportJob job = get(actorId, objectCode, id);
        validate(finder.describe(actorId, objectCode), job, job.mapping(), job.duplicatePolicy(), job.matchFields());
        if (!imports.start(id, phase, to, from)) {
            throw new ConflictException("import.error.busy");
        }
        jobs.runSoon(task, ImportTaskConfiguration.instanceId(id, phase));
        return get(actorId, objectCode, id);
    }

    private static ImportPhase phaseShown(ImportState state) {
        return switch (state) {
            case UPLOADED, CHECKING, CHECKED -> ImportPhase.CHECK;
            case UNDOING, UNDONE -> ImportPhase.UNDO;
            default -> ImportPhase.RUN;
        };
    }

    private ObjectDef importable(long actorId, String objectCode) {
        ObjectDef object = finder.describe(actorId, objectCode);
        permissions.require(actorId, objectCode, ObjectAction.IMPORT);
        return object;
    }

    private void validate(ObjectDef object, ImportJob job, List<String> mapping, DuplicatePolicy policy,
                          List<String> matchFields) {
        InputChecks checks = new InputChecks();
        if (mapping.size() != job.headers().size()) {
            throw InvalidInputException.of("mapping", "import.error.mapping-size");
        }
        Set<String> mapped = new HashSet<>();
        for (String field : mapping) {
            if (field == null) {
                continue;
            }
            FieldDef def = object.field(field).filter(Imports::typedByPeople)
                    .orElseThrow(() -> InvalidInputException.of("mapping", "record.error.unknown-field", field));
            if (!mapped.add(field)) {
                checks.add(null, "import.error.mapped-twice", label(def));
            }
        }
        if (mapped.isEmpty()) {
            checks.add(null, "import.error.nothing-mapped");
        }
        for (FieldDef field : object.fields()) {
            if (field.required() && field.defaultInput() == null && typedByPeople(field) && !mapped.contains(field.name())) {
                checks.add(null, "import.error.required-not-mapped", label(field));
            }
        }
        if (policy != DuplicatePolicy.CREATE) {
            if (matchFields.isEmpty()) {
                checks.add(null, "import.error.no-match-fields");
            }
            for (String field : matchFields) {
                if (!mapped.contains(field)) {
                    checks.add(null, "import.error.match-not-mapped",
                            object.field(field).<Object>map(Imports::label).orElse(field));
                }
            }
        }
        checks.throwIfAny();
    }

    /** Each column to the first field its title names, each field at most once. */
    private List<String> autoMapping(ObjectDef object, List<String> headers) {
        List<String> mapping = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String header : headers) {
            String field = object.fields().stream().filter(Imports::typedByPeople)
                    .filter(f -> !taken.contains(f.name()) && labels.names(f, header))
                    .map(FieldDef::name).findFirst().orElse(null);
            if (field != null) {
                taken.add(field);
            }
            mapping.add(field);
        }
        return mapping;
    }

    /** Rows are matched on a unique field (a product code) when one is in the file, else on the name. */
    private static List<String> defaultMatch(ObjectDef object, List<String> mapping) {
        return object.fields().stream().filter(FieldDef::unique).map(FieldDef::name).filter(mapping::contains)
                .findFirst().or(() -> mapping.contains(object.nameField()) ? java.util.Optional.of(object.nameField())
                        : java.util.Optional.empty()).map(List::of).orElse(List.of());
    }

    /** A field's label as a message argument, shown in the language of whoever reads the message. */
    private static MessageSourceResolvable label(FieldDef field) {
        return new DefaultMessageSourceResolvable(field.labelKey());
    }

    private static boolean typedByPeople(FieldDef field) {
        return !(field.type() instanceof FieldType.AutoNumber || field.type() instanceof FieldType.Attachment);
    }
}
