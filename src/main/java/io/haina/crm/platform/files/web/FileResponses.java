package io.haina.crm.platform.files.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.files.StoredFiles;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A file's bytes as a download, the same for pages and API: always an attachment under its own
 * name (RFC 6266, {@code filename*} in UTF-8 for 合同.pdf), its sniffed type that the browser must
 * not second-guess ({@code nosniff}), and a policy that lets nothing in it run should it be opened.
 */
final class FileResponses {

    static final String SANDBOX = "default-src 'none'; sandbox";

    private FileResponses() {
    }

    static void send(StoredFiles files, StoredFile file, HttpServletResponse response) throws IOException {
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Set before Spring Security's header writer, which then leaves it as it is.
        response.setHeader("Content-Security-Policy", SANDBOX);
        response.setHeader(HttpHeaders.ETAG, "\"" + file.sha256() + "\"");
        files.copy(file, response.getOutputStream());
    }
}
