package io.haina.crm.platform.io.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.haina.crm.platform.io.DuplicatePolicy;
import io.haina.crm.platform.io.FileFormat;
import io.haina.crm.platform.io.ImportJob;
import io.haina.crm.platform.io.ImportTemplate;
import io.haina.crm.platform.io.Imports;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The import pages of an object: upload a file, map its columns and choose what repeats do,
 * check it (dry run), run it with a progress bar, download the refused rows, undo it.
 */
@Controller
@RequestMapping("/o/{object}/imports")
class ImportPagesController {

    static final String POLL_HEADER = "HX-Refresh";

    private final Imports imports;
    private final RecordFinder finder;
    private final CurrentUsers users;
    private final DataSize maxFileSize;
    private final int maxRows;

    ImportPagesController(Imports imports, RecordFinder finder, CurrentUsers users,
                          @Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFileSize,
                          @Value("${haina.imports.max-rows:100000}") int maxRows) {
        this.imports = imports;
        this.finder = finder;
        this.users = users;
        this.maxFileSize = maxFileSize;
        this.maxRows = maxRows;
    }

    @GetMapping("/new")
    String uploadForm(@PathVariable String object, Model model) {
        return upload(model, object, FormErrors.none());
    }

    @PostMapping
    String upload(@PathVariable String object, @RequestParam(required = false) MultipartFile file, Messages msg,
                  Model model, HttpServletResponse response) throws IOException {
        CurrentUser me = users.require();
        try {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                throw InvalidInputException.of("file", "import.error.no-file");
            }
            ImportJob job = imports.upload(me.id(), object, file.getOriginalFilename(), file.getBytes(), msg.locale(),
                    me.timeZone());
            return "redirect:" + path(object, job.id());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return upload(model, object, FormErrors.of(e, msg));
        }
    }

    @GetMapping("/template")
    void template(@PathVariable String object, Messages msg, HttpServletResponse response) throws IOException {
        CurrentUser me = users.require();
        var fields = imports.targets(me.id(), object);
        Downloads.attachment(response, FileFormat.CSV, msg.t(finder.describe(me.id(), object).labelKey() + ".plural")
                + "-" + msg.t("import.template.suffix"));
        ImportTemplate.write(fields, msg, response.getOutputStream());
    }

    @GetMapping("/{id}")
    String page(@PathVariable String object, @PathVariable long id, Model model) {
        return page(model, object, id, FormErrors.none());
    }

    /** The progress bar, polled while a job works; once it is done the page reloads to show the outcome. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable String object, @PathVariable long id, Model model, HttpServletResponse response) {
        ImportJob job = imports.get(users.require().id(), object, id);
        if (!job.state().busy()) {
            response.setHeader(POLL_HEADER, "true");
        }
        model.addAttribute("job", job);
        model.addAttribute("base", path(object, id));
        return "imports/progress";
    }

    @PostMapping("/{id}/check")
    String check(@PathVariable String object, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
                 Messages msg, Model model, HttpServletResponse response) {
        return configureAndStart(object, id, form, msg, model, response, false);
    }

    @PostMapping("/{id}/run")
    String run(@PathVariable String object, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
               Messages msg, Model model, HttpServletResponse response) {
        return configureAndStart(object, id, form, msg, model, response, true);
    }

    @PostMapping("/{id}/undo")
    String undo(@PathVariable String object, @PathVariable long id, Messages msg, Model model,
                HttpServletResponse response) {
        try {
            imports.undo(users.require().id(), object, id);
            return "redirect:" + path(object, id);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, object, id, FormErrors.of(e, msg));
        }
    }

    @GetMapping("/{id}/errors")
    void errorReport(@PathVariable String object, @PathVariable long id, Messages msg, HttpServletResponse response)
            throws IOException {
        CurrentUser me = users.require();
        ImportJob job = imports.get(me.id(), object, id);
        String name = job.fileName().replaceFirst("\\.[^.]*$", "");
        Downloads.attachment(response, FileFormat.CSV, name + "-" + msg.t("import.report.suffix"));
        imports.writeErrorReport(me.id(), object, id, msg, response.getOutputStream());
    }

    private String configureAndStart(String object, long id, MultiValueMap<String, String> form, Messages msg,
                                     Model model, HttpServletResponse response, boolean run) {
        CurrentUser me = users.require();
        try {
            ImportJob job = imports.get(me.id(), object, id);
            if (form.containsKey("policy")) {
                imports.configure(me.id(), object, id, mapping(job, form), DuplicatePolicy.parse("policy", form.getFirst("policy")),
                        form.getOrDefault("match", List.of()));
            }
            if (run) {
                imports.run(me.id(), object, id);
            } else {
                imports.check(me.id(), object, id);
            }
            return "redirect:" + path(object, id);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, object, id, FormErrors.of(e, msg));
        }
    }

    private String upload(Model model, String object, FormErrors errors) {
        CurrentUser me = users.require();
        model.addAttribute("object", objectOf(me, object));
        model.addAttribute("recent", imports.recent(me.id(), object, 10));
        model.addAttribute("errors", errors);
        model.addAttribute("zone", me.timeZone());
        model.addAttribute("maxFileSize", maxFileSize.toMegabytes() + " MB");
        model.addAttribute("maxRows", maxRows);
        return "imports/upload";
    }

    private String page(Model model, String object, long id, FormErrors errors) {
        CurrentUser me = users.require();
        ImportJob job = imports.get(me.id(), object, id);
        model.addAttribute("object", objectOf(me, object));
        model.addAttribute("job", job);
        model.addAttribute("targets", imports.targets(me.id(), object));
        model.addAttribute("problems", job.state().busy() ? List.of() : imports.problems(me.id(), object, id));
        model.addAttribute("errors", errors);
        model.addAttribute("base", path(object, id));
        return "imports/import";
    }

    private ObjectDef objectOf(CurrentUser me, String object) {
        return finder.describe(me.id(), object);
    }

    /** The select of each column: {@code column-0}, {@code column-1}, …; blank means "ignore". */
    private static List<String> mapping(ImportJob job, MultiValueMap<String, String> form) {
        List<String> mapping = new ArrayList<>();
        for (int column = 0; column < job.headers().size(); column++) {
            String field = form.getFirst("column-" + column);
            mapping.add(field == null || field.isBlank() ? null : field);
        }
        return mapping;
    }


    private static String path(String object, long id) {
        return "/o/" + object + "/imports/" + id;
    }
}
