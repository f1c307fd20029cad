package io.haina.crm.platform.io.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.haina.crm.platform.io.DuplicatePolicy;
import io.haina.crm.platform.io.Exports;
import io.haina.crm.platform.io.ImportJob;
import io.haina.crm.platform.io.Imports;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports and exports for API clients, beside the object's records under {@code /api/v1/objects/{object}}:
 * <ul>
 * <li>{@code POST .../imports} (multipart {@code file}; optional {@code dryRun}, {@code mapping} as a
 * JSON object from column title to field name or null, {@code duplicatePolicy}, {@code matchFields}
 * comma-separated) starts a check or a run: 202 with the import;</li>
 * <li>{@code GET .../imports/{id}}: its state, progress, counts and refused rows;</li>
 * <li>{@code GET .../export?format=csv|xlsx&q=&sort=}: the list view as a file.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/objects/{object}")
class ImportApiController {

    private final Imports imports;
    private final Exports exports;
    private final CurrentUsers users;
    private final JsonMapper json;

    ImportApiController(Imports imports, Exports exports, CurrentUsers users, JsonMapper json) {
        this.imports = imports;
        this.exports = exports;
        this.users = users;
        this.json = json;
    }

    @PostMapping("/imports")
    ResponseEntity<Map<String, Object>> start(@PathVariable String object, @RequestParam(required = false) MultipartFile file,
                                              @RequestParam(defaultValue = "false") boolean dryRun,
                                              @RequestParam(required = false) String mapping,
                                              @RequestParam(required = false) String duplicatePolicy,
                                              @RequestParam(required = false) String matchFields, Messages msg)
            throws IOException {
        CurrentUser me = users.require();
        if (file == null) {
            throw InvalidInputException.of("file", "import.error.no-file");
        }
        ImportJob job = imports.upload(me.id(), object, file.getOriginalFilename(), file.getBytes(), msg.locale(),
                me.timeZone());
        if (mapping != null || duplicatePolicy != null || matchFields != null) {
            imports.configure(me.id(), object, job.id(), mapping == null ? job.mapping() : mapping(job, mapping),
                    duplicatePolicy == null ? job.duplicatePolicy() : DuplicatePolicy.parse("duplicatePolicy", duplicatePolicy),
                    matchFields == null ? job.matchFields()
                            : Arrays.stream(matchFields.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        job = dryRun ? imports.check(me.id(), object, job.id()) : imports.run(me.id(), object, job.id());
        return ResponseEntity.accepted().location(URI.create("/api/v1/objects/" + object + "/imports/" + job.id()))
                .body(view(job, List.of()));
    }

    @GetMapping("/imports/{id}")
    Map<String, Object> status(@PathVariable String object, @PathVariable long id) {
        CurrentUser me = users.require();
        ImportJob job = imports.get(me.id(), object, id);
        return view(job, job.state().busy() ? List.of() : imports.problems(me.id(), object, id).stream()
                .map(p -> Map.<String, Object>of("row", p.row(), "message", p.message())).toList());
    }

    @GetMapping("/export")
    void export(@PathVariable String object, @RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) String q, @RequestParam(required = false) String filter,
                @RequestParam(required = false) String scene, @RequestParam(required = false) String sort, Messages msg,
                HttpServletResponse response) throws IOException {
        Downloads.export(exports, users.require(), object, format, RecordListRequest.of(q, filter, scene, sort, null, 0), msg, response);
    }

    /** Columns named in the JSON are mapped as it says; the others keep the automatic mapping. */
    private List<String> mapping(ImportJob job, String text) {
        JsonNode given;
        try {
            given = json.readTree(text);
        } catch (JacksonException e) {
            throw InvalidInputException.of("mapping", "import.error.mapping-json");
        }
        if (!given.isObject()) {
            throw InvalidInputException.of("mapping", "import.error.mapping-json");
        }
        List<String> mapping = new ArrayList<>(job.mapping());
        for (int column = 0; column < job.headers().size(); column++) {
            JsonNode field = given.get(job.headers().get(column));
            if (field != null) {
                mapping.set(column, field.isNull() || field.asString().isBlank() ? null : field.asString());
            }
        }
        return mapping;
    }


    private static Map<String, Object> view(ImportJob job, List<Map<String, Object>> problems) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("object", job.objectCode());
        view.put("fileName", job.fileName());
        view.put("status", job.state().name());
        view.put("totalRows", job.totalRows());
        view.put("processedRows", job.processedRows());
        view.put("percent", job.percent());
        view.put("created", job.created());
        view.put("updated", job.updated());
        view.put("skipped", job.skipped());
        view.put("failed", job.failed());
        view.put("undone", job.undone());
        Map<String, String> columns = new LinkedHashMap<>();
        for (int column = 0; column < job.headers().size(); column++) {
            columns.put(job.headers().get(column), job.fieldOf(column));
        }
        view.put("mapping", columns);
        view.put("duplicatePolicy", job.duplicatePolicy().name());
        view.put("matchFields", job.matchFields());
        view.put("problems", problems);
        return view;
    }
}
