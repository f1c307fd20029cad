package io.haina.crm.platform.files.web;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.haina.crm.platform.files.FileUploads;
import io.haina.crm.platform.files.FileView;
import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.files.StoredFiles;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/v1/files}: upload a file (multipart, part {@code file}) and get its id, then attach it
 * by that id — in a record's attachment field ({@code PATCH /api/v1/objects/{object}/{id}} with
 * {@code "field": [id, …]}) or a follow-up's {@code fileIds}. Until then only the uploader reaches it,
 * for a day. {@code GET /api/v1/files/{id}} describes a file, {@code …/content} downloads it, for
 * whoever may read what it is attached to; anyone else gets 404.
 */
@RestController
@Tag(name = "Files")
@RequestMapping("/api/v1/files")
class FileApiController {

    private final StoredFiles files;
    private final CurrentUsers users;

    FileApiController(StoredFiles files, CurrentUsers users) {
        this.files = files;
        this.users = users;
    }

    @PostMapping
    ResponseEntity<FileView> upload(@RequestParam(required = false) MultipartFile file) throws IOException {
        if (!FileUploads.chosen(file)) {
            throw InvalidInputException.of("file", "file.error.no-file");
        }
        StoredFile stored = files.upload(users.require().id(), "file", file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/files/" + stored.id())).body(FileView.of(stored));
    }

    @GetMapping("/{id}")
    FileView describe(@PathVariable long id) {
        return FileView.of(files.readable(users.require().id(), id));
    }

    @GetMapping("/{id}/content")
    void content(@PathVariable long id, HttpServletResponse response) throws IOException {
        FileResponses.send(files, files.readable(users.require().id(), id), response);
    }
}
