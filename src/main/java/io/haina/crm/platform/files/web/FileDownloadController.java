package io.haina.crm.platform.files.web;

import java.io.IOException;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.haina.crm.platform.files.StoredFiles;
import io.haina.crm.platform.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /files/{id}}: the download behind a file's name on a page, for those who may read what it is attached to. */
@Controller
class FileDownloadController {

    private final StoredFiles files;
    private final CurrentUsers users;

    FileDownloadController(StoredFiles files, CurrentUsers users) {
        this.files = files;
        this.users = users;
    }

    @GetMapping("/files/{id}")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        FileResponses.send(files, files.readable(users.require().id(), id), response);
    }
}
