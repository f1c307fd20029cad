package io.haina.crm.platform.io.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import io.haina.crm.platform.io.Exports;
import io.haina.crm.platform.io.FileFormat;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import jakarta.servlet.http.HttpServletResponse;

/** Files sent to the browser or an API client, named in the reader's language (产品-20261123-1430.xlsx). */
final class Downloads {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private Downloads() {
    }

    static void attachment(HttpServletResponse response, FileFormat format, String name) {
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + "." + format.extension(), StandardCharsets.UTF_8).build().toString());
    }

    /** An export of a list view; the grants are checked before the first byte, so a refusal is an ordinary error answer. */
    static void export(Exports exports, CurrentUser me, String object, String format, RecordListRequest request,
                       Messages msg, HttpServletResponse response) throws IOException {
        FileFormat fileFormat = FileFormat.fromExtension(format);
        if (fileFormat == null) {
            throw InvalidInputException.of("format", "export.error.format", format);
        }
        ObjectDef def = exports.exportable(me.id(), object);
        String name = msg.t(def.labelKey() + ".plural") + "-" + LocalDateTime.now(me.timeZone()).format(STAMP);
        exports.export(me.id(), object, request, fileFormat, msg, me.timeZone(), () -> {
            attachment(response, fileFormat, name);
            return response.getOutputStream();
        });
    }
}
