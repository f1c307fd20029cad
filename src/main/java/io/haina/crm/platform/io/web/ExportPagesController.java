package io.haina.crm.platform.io.web;

import java.io.IOException;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.haina.crm.platform.io.Exports;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.Messages;
import jakarta.servlet.http.HttpServletResponse;

/** The list page's Export: the same search and sort as the list, as a CSV or Excel download. */
@Controller
class ExportPagesController {

    private final Exports exports;
    private final CurrentUsers users;

    ExportPagesController(Exports exports, CurrentUsers users) {
        this.exports = exports;
        this.users = users;
    }

    @GetMapping("/o/{object}/export")
    void export(@PathVariable String object, @RequestParam(defaultValue = "xlsx") String format,
                @RequestParam(required = false) String q, @RequestParam(required = false) String filter,
                @RequestParam(required = false) String scene, @RequestParam(required = false) String sort, Messages msg,
                HttpServletResponse response) throws IOException {
        Downloads.export(exports, users.require(), object, format, RecordListRequest.of(q, filter, scene, sort, null, 0), msg, response);
    }
}
