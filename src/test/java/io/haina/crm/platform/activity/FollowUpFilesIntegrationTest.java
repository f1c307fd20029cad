package io.haina.crm.platform.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.files.StoredFiles;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestFiles;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import io.haina.crm.testsupport.WebClient.FilePart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A follow-up carries files (issue 4, point 6): the writer's own uploads, attached in the form
 * (without JavaScript too) and by the API's {@code fileIds}, listed on the timeline as downloads
 * for whoever may read the customer, and for nobody else; a refused file sends the form back with
 * the rest kept; removed or deleted with the follow-up, its files are gone.
 */
@HainaIntegrationTest
class FollowUpFilesIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    FollowUps followUps;
    @Autowired
    StoredFiles files;
    @Autowired
    RecordService records;
    @Autowired
    TestOrg org;
    @Autowired
    DSLContext db;
    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();
    long wang;
    long li;
    RecordData customer;

    @BeforeEach
    void company() {
        org.admin();
        long managerRole = org.role("经理").grant("customer", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW).create();
        long repRole = org.role("销售").grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT)
                .create();
        long manager = org.user("zhao", "赵经理", null, null, managerRole);
        wang = org.user("wang", "王小明", null, manager, repRole);
        li = org.user("li", "李娜", null, null, repRole);
        customer = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
    }

    @Test
    void theFormAttachesTheChosenFilesAndTheTimelineListsThemForThoseWhoMayReadTheCustomer() {
        WebClient web = signedIn("wang");
        web.get("/o/customer/" + customer.id());

        HttpResponse<String> saved = web.upload("/o/customer/" + customer.id() + "/follow-ups", Map.of("kind", "visit", "content", "上门演示"),
                List.of(new FilePart("files", "报价单.pdf", TestFiles.PDF), new FilePart("files", "现场照片.png", TestFiles.PNG)), null);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        FollowUp written = only();
        List<StoredFile> attached = followUps.filesOf(List.of(written)).get(written.id());
        assertThat(attached).extracting(StoredFile::name).containsExactly("报价单.pdf", "现场照片.png");
        String timeline = web.get("/o/customer/" + customer.id() + "/timeline").body();
        assertThat(timeline).contains("href=\"/files/" + attached.getFirst().id() + "\"", "报价单.pdf", "现场照片.png");

        assertThat(signedIn("zhao").download("/files/" + attached.getFirst().id(), null).body()).as("the owner's manager")
                .isEqualTo(TestFiles.PDF);
        WebClient colleague = signedIn("li");
        assertThat(colleague.download("/files/" + attached.getFirst().id(), null).statusCode()).as("a colleague outside the scope")
                .isEqualTo(404);
        assertThat(colleague.download("/files/" + (attached.getLast().id() + 1), null).statusCode()).as("a guessed id").isEqualTo(404);
    }

    @Test
    void aRefusedFileSendsTheFormBackWithWhatWasTypedAndTheFilesKept() {
        WebClient web = signedIn("wang");
        web.get("/o/customer/" + customer.id());

        HttpResponse<String> refused = web.upload("/o/customer/" + customer.id() + "/follow-ups", Map.of("kind", "visit", "content", "带了资料"),
                List.of(new FilePart("files", "资料.pdf", TestFiles.PDF), new FilePart("files", "安装包.exe", TestFiles.EXE)), null);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("「安装包.exe」是程序或网页文件", "带了资料", "资料.pdf");
        assertThat(db.fetchCount(db.selectFrom("follow_up"))).isZero();
        long kept = files.describe(List.of(1L)).getFirst().id();
        assertThat(refused.body()).contains("name=\"fileIds\"", "value=\"" + kept + "\"");

        HttpResponse<String> saved = web.upload("/o/customer/" + customer.id() + "/follow-ups",
                Map.of("kind", "visit", "content", "带了资料", "fileIds", String.valueOf(kept)), List.of(new FilePart("files", "", new byte[0])), null);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(followUps.filesOf(List.of(only())).get(only().id())).extracting(StoredFile::name).containsExactly("资料.pdf");
    }

    @Test
    void aFollowUpTakesOnlyTheWritersOwnUploads() {
        StoredFile wangs = files.upload(wang, "file", "王的报价.pdf", TestFiles.PDF);
        RecordData hers = records.create(li, "customer", Map.of("name", "上海云帆"));

        assertThatThrownBy(() -> followUps.add(li, "customer", hers.id(),
                new FollowUpDraft("call", "电话", List.of(), null, null, List.of(String.valueOf(wangs.id()))), SHANGHAI))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::messageKey)
                        .containsExactly(tuple("fileIds", "validation.attachment")));
        FollowUp mine = followUps.add(wang, "customer", customer.id(),
                new FollowUpDraft("call", "电话", List.of(), null, null, List.of(String.valueOf(wangs.id()))), SHANGHAI);
        assertThatThrownBy(() -> followUps.add(wang, "customer", customer.id(),
                new FollowUpDraft("call", "再附一次", List.of(), null, null, List.of(String.valueOf(wangs.id()))), SHANGHAI))
                .as("a file attached to one follow-up is not taken by another").isInstanceOf(InvalidInputException.class);
        assertThat(followUps.filesOf(List.of(mine)).get(mine.id())).extracting(StoredFile::id).containsExactly(wangs.id());
    }

    @Test
    void theApiAttachesUploadsByIdListsThemAndAnEditOrDeleteRemovesThem() {
        WebClient api = new WebClient(port);
        String token = api.apiToken("wang", TestOrg.PASSWORD);
        long quote = json.readTree(api.upload("/api/v1/files", Map.of(), List.of(new FilePart("file", "报价单.pdf", TestFiles.PDF)), token)
                .body()).get("id").asLong();
        long photo = json.readTree(api.upload("/api/v1/files", Map.of(), List.of(new FilePart("file", "照片.png", TestFiles.PNG)), token)
                .body()).get("id").asLong();
        String path = "/api/v1/objects/customer/" + customer.id() + "/follow-ups";

        HttpResponse<String> created = api.json("POST", path,
                "{\"kind\":\"visit\",\"content\":\"上门\",\"fileIds\":[" + quote + "," + photo + "]}", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode followUp = json.readTree(created.body());
        assertThat(followUp.get("files").findValuesAsString("name")).containsExactly("报价单.pdf", "照片.png");
        assertThat(followUp.get("files").get(0).get("url").asString()).isEqualTo("/api/v1/files/" + quote + "/content");
        JsonNode listed = json.readTree(api.json("GET", path, null, token).body()).get("items").get(0);
        assertThat(listed.get("files").findValuesAsString("contentType")).containsExactly("application/pdf", "image/png");
        assertThat(api.download("/api/v1/files/" + quote + "/content", token).body()).isEqualTo(TestFiles.PDF);
        String liToken = api.apiToken("li", TestOrg.PASSWORD);
        assertThat(api.download("/api/v1/files/" + quote + "/content", liToken).statusCode()).isEqualTo(404);

        long id = followUp.get("id").asLong();
        HttpResponse<String> edited = api.json("PATCH", "/api/v1/follow-ups/" + id, "{\"fileIds\":[" + photo + "]}", token);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json.readTree(edited.body()).get("files").findValuesAsString("name")).containsExactly("照片.png");
        assertThat(api.download("/api/v1/files/" + quote + "/content", token).statusCode()).as("removed").isEqualTo(404);
        HttpResponse<String> contentOnly = api.json("PATCH", "/api/v1/follow-ups/" + id, "{\"content\":\"上门演示\"}", token);
        assertThat(json.readTree(contentOnly.body()).get("files").findValuesAsString("name")).as("files stay when not named")
                .containsExactly("照片.png");

        assertThat(api.json("DELETE", "/api/v1/follow-ups/" + id, null, token).statusCode()).isEqualTo(204);
        assertThatThrownBy(() -> files.readable(wang, photo)).isInstanceOf(NotFoundException.class);
    }

    private FollowUp only() {
        List<FollowUp> written = followUps.of(wang, "customer", customer.id(), Timeline.Cursor.START.at(), Long.MAX_VALUE, 10);
        assertThat(written).hasSize(1);
        return written.getFirst();
    }

    private WebClient signedIn(String username) {
        WebClient web = new WebClient(port);
        web.login(username, TestOrg.PASSWORD);
        return web;
    }
}
