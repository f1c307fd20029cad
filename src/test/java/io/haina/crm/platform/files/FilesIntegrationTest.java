package io.haina.crm.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestFiles;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import io.haina.crm.testsupport.WebClient.FilePart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads through {@code POST /api/v1/files} and the pages: kept under a safe name with the type
 * their bytes say, programs and web pages refused, files over the limit told so in the user's
 * language, downloads as attachments that nobody but the uploader reaches before the file is
 * attached anywhere, and uploads nobody attached gone after a day.
 */
@HainaIntegrationTest
class FilesIntegrationTest {

    static final int OVER_LIMIT = 21 * 1024 * 1024;

    @Autowired
    StoredFiles files;
    @Autowired
    RecordService records;
    @Autowired
    TestOrg org;
    @Autowired
    DSLContext db;
    @Autowired
    MutableClock clock;
    @Autowired
    MessageSource messages;
    @Autowired
    @Qualifier("storedFileCleanupTask")
    RecurringTask<Void> cleanupTask;
    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();
    long wang;
    long li;

    @BeforeEach
    void company() {
        org.admin();
        long rep = org.role("销售").grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT)
                .create();
        wang = org.user("wang", "王小明", null, null, rep);
        li = org.user("li", "李娜", null, null, rep);
    }

    @Test
    void anUploadIsKeptUnderASafeNameWithTheTypeItsBytesSayAndDownloadedAsAnAttachment() {
        WebClient api = new WebClient(port);
        String token = api.apiToken("wang", TestOrg.PASSWORD);

        HttpResponse<String> pdf = api.upload("/api/v1/files", Map.of(),
                List.of(new FilePart("file", "../../报价/2026 报价单.pdf", TestFiles.PDF)), token);
        HttpResponse<String> png = api.upload("/api/v1/files", Map.of(), List.of(new FilePart("file", "现场照片.pdf", TestFiles.PNG)), token);

        assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(201);
        JsonNode file = json.readTree(pdf.body());
        long id = file.get("id").asLong();
        assertThat(pdf.headers().firstValue("Location")).hasValue("/api/v1/files/" + id);
        assertThat(file.get("name").asString()).as("no folders in a name").isEqualTo("2026 报价单.pdf");
        assertThat(file.get("size").asLong()).isEqualTo(TestFiles.PDF.length);
        assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("url").asString()).isEqualTo("/api/v1/files/" + id + "/content");
        assertThat(json.readTree(png.body()).get("contentType").asString()).as("the bytes say what it is, not its name")
                .isEqualTo("image/png");

        HttpResponse<byte[]> download = api.download("/api/v1/files/" + id + "/content", token);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(TestFiles.PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(disposition)
                .startsWith("attachment;").contains("filename*=UTF-8''2026%20%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("sandbox"));
        assertThat(json.readTree(api.json("GET", "/api/v1/files/" + id, null, token).body()).get("name").asString())
                .isEqualTo("2026 报价单.pdf");
    }

    @Test
    void programsAndWebPagesAreRefusedByTheirBytesAndByTheirNamesInTheUsersLanguage() {
        WebClient api = new WebClient(port);
        String token = api.apiToken("wang", TestOrg.PASSWORD);
        Map<String, byte[]> refused = Map.of(
                "setup.exe", TestFiles.EXE,
                "假装是照片.jpg", TestFiles.EXE,
                "tool", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0},
                "backup.txt", TestFiles.text("#!/bin/sh\nrm -rf ~\n"),
                "report.html", TestFiles.text("<p>hello</p>"),
                "logo.png", TestFiles.text("  <svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
                "invoice.pdf", TestFiles.text("\uFEFF<!DOCTYPE html><html><body>pay here</body></html>"),
                "drawing.xml", TestFiles.text("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
                "合同\u202Efdp.exe", TestFiles.PDF);

        refused.forEach((name, bytes) -> {
            HttpResponse<String> answer = api.upload("/api/v1/files", Map.of(), List.of(new FilePart("file", name, bytes)), token);
            assertThat(answer.statusCode()).as(name).isEqualTo(400);
            assertThat(json.readTree(answer.body()).get("errors").get(0).get("message").asString()).as(name)
                    .contains("是程序或网页文件，出于安全考虑不能作为附件上传");
        });
        HttpResponse<String> english = new WebClient(port).language("en").upload("/api/v1/files", Map.of(),
                List.of(new FilePart("file", "setup.exe", TestFiles.EXE)), token);
        assertThat(json.readTree(english.body()).get("errors").get(0).get("message").asString())
                .isEqualTo("\"setup.exe\" is a program or a web page; for safety it cannot be attached.");
        HttpResponse<String> empty = api.upload("/api/v1/files", Map.of(), List.of(new FilePart("file", "空.txt", new byte[0])), token);
        assertThat(json.readTree(empty.body()).get("errors").get(0).get("message").asString()).isEqualTo("「空.txt」是空文件。");
        assertThat(db.fetchCount(db.selectFrom("stored_file"))).as("nothing kept").isZero();
    }

    @Test
    void aFileOverTheLimitIsToldSoInTheUsersLanguageNotAsAnError() {
        byte[] big = TestFiles.pdfOf(OVER_LIMIT);
        WebClient chinese = new WebClient(port);
        String token = chinese.apiToken("wang", TestOrg.PASSWORD);
        WebClient english = new WebClient(port).language("en");

        HttpResponse<String> zh = chinese.upload("/api/v1/files", Map.of(), List.of(new FilePart("file", "大文件.pdf", big)), token);
        HttpResponse<String> en = english.upload("/api/v1/files", Map.of(), List.of(new FilePart("file", "big.pdf", big)), token);

        assertThat(zh.statusCode()).isEqualTo(413);
        assertThat(json.readTree(zh.body()).get("detail").asString()).startsWith("文件超过 20 MB");
        assertThat(en.statusCode()).isEqualTo(413);
        assertThat(json.readTree(en.body()).get("detail").asString()).startsWith("The file is larger than 20 MB");

        // A page's form says it on a page in the same words, not on a white-label error.
        RecordData customer = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        WebClient page = new WebClient(port);
        page.login("wang", TestOrg.PASSWORD);
        page.get("/o/customer/" + customer.id());
        HttpResponse<String> form = page.upload("/o/customer/" + customer.id() + "/follow-ups", Map.of("kind", "visit", "content", "拜访"),
                List.of(new FilePart("files", "现场录像.pdf", big)), null);
        assertThat(form.statusCode()).isEqualTo(413);
        assertThat(form.body()).contains("文件超过 20 MB", "id=\"error-page\"").doesNotContain("Whitelabel", "Exception");

        // Checked again where files are kept, naming the file.
        assertThatThrownBy(() -> files.upload(wang, "file", "大文件.pdf", big)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            var problem = e.problems().getFirst();
            assertThat(messages.getMessage(problem.messageKey(), problem.args(), Locale.SIMPLIFIED_CHINESE))
                    .startsWith("「大文件.pdf」超过 20 MB，超出了单个文件的上限。");
            assertThat(messages.getMessage(problem.messageKey(), problem.args(), Locale.ENGLISH))
                    .startsWith("\"大文件.pdf\" is larger than 20 MB, the most one file may be.");
        });
        assertThat(db.fetchCount(db.selectFrom("stored_file"))).isZero();
        assertThat(db.fetchCount(db.selectFrom("follow_up"))).isZero();
    }

    @Test
    void nobodyButTheUploaderReachesAFileNotAttachedYetAndAGuessedIdIsNotFound() {
        StoredFile upload = files.upload(wang, "file", "报价单.pdf", TestFiles.PDF);
        WebClient liApi = new WebClient(port);
        String liToken = liApi.apiToken("li", TestOrg.PASSWORD);
        WebClient liPages = new WebClient(port);
        liPages.login("li", TestOrg.PASSWORD);
        WebClient wangPages = new WebClient(port);
        wangPages.login("wang", TestOrg.PASSWORD);

        assertThat(liApi.json("GET", "/api/v1/files/" + upload.id(), null, liToken).statusCode()).isEqualTo(404);
        assertThat(liApi.download("/api/v1/files/" + upload.id() + "/content", liToken).statusCode()).isEqualTo(404);
        assertThat(liPages.download("/files/" + upload.id(), null).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> files.readable(li, upload.id())).isInstanceOf(NotFoundException.class);

        HttpResponse<byte[]> own = wangPages.download("/files/" + upload.id(), null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(TestFiles.PDF);
        assertThat(wangPages.download("/files/" + (upload.id() + 1000), null).statusCode()).as("a guessed id").isEqualTo(404);
        assertThat(new WebClient(port).download("/api/v1/files/" + upload.id() + "/content", null).statusCode())
                .as("without signing in").isEqualTo(401);
    }

    @Test
    void uploadsNobodyAttachedAreDeletedAfterADayByARecurringJob() {
        StoredFile forgotten = files.upload(wang, "file", "草稿.pdf", TestFiles.PDF);
        StoredFile attached = files.upload(wang, "file", "合同.pdf", TestFiles.PDF);
        files.attach(wang, FileHolder.followUp(1), List.of(attached.id()), "fileIds");

        clock.advance(Duration.ofHours(23));
        assertThat(files.cleanUp()).as("not a day old yet").isZero();
        clock.advance(Duration.ofHours(2));
        StoredFile fresh = files.upload(wang, "file", "新的.pdf", TestFiles.PDF);
        assertThat(files.cleanUp()).isEqualTo(1);

        assertThatThrownBy(() -> files.readable(wang, forgotten.id())).isInstanceOf(NotFoundException.class);
        assertThat(files.describe(List.of(forgotten.id(), attached.id(), fresh.id()))).extracting(StoredFile::name)
                .containsExactly("合同.pdf", "新的.pdf");
        assertThat(cleanupTask.getName()).isEqualTo("stored-file-cleanup");
    }
}
