package io.haina.crm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import io.haina.crm.platform.customize.ObjectCustomization;
import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.files.StoredFiles;
import io.haina.crm.platform.metadata.CustomFieldKind;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestFiles;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import io.haina.crm.testsupport.WebClient.FilePart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An attachment field "合同附件" an administrator added to customers: files go in through the form
 * (without JavaScript) and the API by the ids of one's own uploads, read as files with their names,
 * sizes and links, leave the record with their names in its history, move with a merge, and are
 * downloaded only by those who may read the record — a colleague outside its scope, a deleted
 * record's reader and a guessed id all meet "not found".
 */
@HainaIntegrationTest
class AttachmentFieldIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ObjectCustomization customization;
    @Autowired
    RecordService records;
    @Autowired
    RecordMerge merge;
    @Autowired
    ReadableHistory history;
    @Autowired
    StoredFiles files;
    @Autowired
    TestOrg org;
    @Autowired
    MessageSource messages;
    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();
    long admin;
    long manager;
    long wang;
    long li;
    String contracts;

    @BeforeEach
    void company() {
        admin = org.admin();
        long managerRole = org.role("经理").grant("customer", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW).create();
        long repRole = org.role("销售").grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.DELETE).create();
        manager = org.user("zhao", "赵经理", null, null, managerRole);
        wang = org.user("wang", "王小明", null, manager, repRole);
        li = org.user("li", "李娜", null, null, repRole);
        contracts = customization.addCustomField(admin, "customer", "合同附件", "Contract files", CustomFieldKind.ATTACHMENT, List.of());
    }

    @Test
    void theApiAttachesOnesOwnUploadsByIdAndReadsThemAsFiles() {
        WebClient api = new WebClient(port);
        String token = api.apiToken("wang", TestOrg.PASSWORD);
        long quote = upload(api, token, "报价单.pdf");
        long photo = upload(api, token, "现场照片.png");

        HttpResponse<String> created = api.json("POST", "/api/v1/objects/customer",
                "{\"name\":\"北京海纳科技有限公司\",\"" + contracts + "\":[" + quote + "]}", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode customer = json.readTree(created.body());
        long id = customer.get("id").asLong();
        JsonNode file = customer.get(contracts).get(0);
        assertThat(file.get("id").asLong()).isEqualTo(quote);
        assertThat(file.get("name").asString()).isEqualTo("报价单.pdf");
        assertThat(file.get("size").asLong()).isEqualTo(TestFiles.PDF.length);
        assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("url").asString()).isEqualTo("/api/v1/files/" + quote + "/content");

        HttpResponse<String> both = api.json("PATCH", "/api/v1/objects/customer/" + id,
                "{\"version\":0,\"" + contracts + "\":[" + quote + "," + photo + "]}", token);
        assertThat(both.statusCode()).as(both.body()).isEqualTo(200);
        JsonNode read = json.readTree(api.json("GET", "/api/v1/objects/customer/" + id, null, token).body());
        assertThat(read.get(contracts).findValuesAsString("name")).containsExactly("报价单.pdf", "现场照片.png");
        HttpResponse<String> sentBack = api.json("PATCH", "/api/v1/objects/customer/" + id, read.toString(), token);
        assertThat(json.readTree(sentBack.body()).get("version").asInt()).as("the record sent back as read changes nothing").isEqualTo(1);

        assertThat(api.download(file.get("url").asString(), token).body()).isEqualTo(TestFiles.PDF);
        WebClient adminApi = new WebClient(port);
        assertThat(adminApi.download(file.get("url").asString(), adminApi.apiToken(TestOrg.ADMIN, TestOrg.PASSWORD)).statusCode())
                .as("whoever may read the customer").isEqualTo(200);
    }

    @Test
    void onlyOnesOwnUploadsGoInAndNoMoreThanTheFieldTakes() {
        WebClient api = new WebClient(port);
        String wangToken = api.apiToken("wang", TestOrg.PASSWORD);
        String liToken = api.apiToken("li", TestOrg.PASSWORD);
        long wangsUpload = upload(api, wangToken, "王的报价.pdf");
        long wangsAttached = files.upload(wang, "file", "已附上.pdf", TestFiles.PDF).id();
        records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司", contracts, String.valueOf(wangsAttached)));

        for (long notHers : List.of(wangsUpload, wangsAttached, 987654L)) {
            HttpResponse<String> refused = api.json("POST", "/api/v1/objects/customer",
                    "{\"name\":\"上海云帆\",\"" + contracts + "\":[" + notHers + "]}", liToken);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).get("errors").get(0).get("message").asString())
                    .isEqualTo("所选文件不存在，或不是您上传的。请重新上传。");
        }
        long hers = upload(api, liToken, "李的报价.pdf");
        assertThat(api.json("POST", "/api/v1/objects/customer", "{\"name\":\"上海云帆\",\"" + contracts + "\":[" + hers + "]}", liToken)
                .statusCode()).isEqualTo(201);

        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(String.valueOf(files.upload(wang, "file", "附件" + i + ".pdf", TestFiles.PDF).id()));
        }
        assertThatThrownBy(() -> records.create(wang, "customer", Map.of("name", "杭州", contracts, String.join(",", eleven))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(message(e)).isEqualTo("最多 10 个附件。"));
        assertThat(files.describe(eleven.stream().map(Long::valueOf).toList())).allMatch(f -> f.holder() == null);
    }

    @Test
    void aFileIsDownloadedOnlyByThoseWhoMayReadItsRecord() {
        StoredFile quote = files.upload(wang, "file", "报价单.pdf", TestFiles.PDF);
        RecordData customer = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司", contracts, String.valueOf(quote.id())));
        WebClient liPages = signedIn("li");
        WebClient managerPages = signedIn("zhao");
        WebClient liApi = new WebClient(port);
        String liToken = liApi.apiToken("li", TestOrg.PASSWORD);

        assertThat(managerPages.download("/files/" + quote.id(), null).statusCode()).as("the owner's manager").isEqualTo(200);
        assertThat(liPages.download("/files/" + quote.id(), null).statusCode()).as("a colleague outside the scope").isEqualTo(404);
        assertThat(liApi.download("/api/v1/files/" + quote.id() + "/content", liToken).statusCode()).isEqualTo(404);
        assertThat(liApi.json("GET", "/api/v1/files/" + quote.id(), null, liToken).statusCode()).isEqualTo(404);
        assertThat(liPages.download("/files/" + (quote.id() + 1), null).statusCode()).as("a guessed id").isEqualTo(404);

        records.shareWith(wang, "customer", customer.id(), li, false, null);
        assertThat(liPages.download("/files/" + quote.id(), null).statusCode()).as("on the record's team").isEqualTo(200);

        records.delete(wang, "customer", customer.id());
        assertThat(managerPages.download("/files/" + quote.id(), null).statusCode()).as("a deleted record's").isEqualTo(404);
        assertThat(signedIn("wang").download("/files/" + quote.id(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void aRemovedFileLeavesItsBytesBehindAndItsNameInTheHistory() {
        StoredFile quote = files.upload(wang, "file", "报价单.pdf", TestFiles.PDF);
        StoredFile manual = files.upload(wang, "file", "产品手册.pdf", TestFiles.PDF);
        RecordData customer = records.create(wang, "customer",
                Map.of("name", "北京海纳科技有限公司", contracts, quote.id() + "," + manual.id()));

        RecordData fewer = records.update(wang, "customer", customer.id(), customer.version(), Map.of(contracts, String.valueOf(quote.id())));

        assertThat(fewer.get(contracts)).isEqualTo(List.of(quote.id()));
        assertThatThrownBy(() -> files.readable(wang, manual.id())).isInstanceOf(NotFoundException.class);
        assertThat(files.readable(wang, quote.id()).name()).isEqualTo("报价单.pdf");
        var change = history.latest(wang, "customer", customer.id(), 5, new Messages(messages, Locale.SIMPLIFIED_CHINESE), SHANGHAI)
                .getFirst().changes().getFirst();
        assertThat(change.label()).isEqualTo("合同附件");
        assertThat(change.from()).isEqualTo("报价单.pdf、产品手册.pdf");
        assertThat(change.to()).isEqualTo("报价单.pdf");

        records.update(wang, "customer", customer.id(), fewer.version(), Map.of(contracts, ""));
        assertThatThrownBy(() -> files.readable(wang, quote.id())).isInstanceOf(NotFoundException.class);
        assertThat(signedIn("wang").get("/o/customer/" + customer.id()).body()).as("the history tab")
                .contains("报价单.pdf、产品手册.pdf", "产品手册.pdf");
    }

    @Test
    void theFormTakesShowsAndRemovesFilesWithoutJavaScript() {
        WebClient wangPages = signedIn("wang");
        String form = wangPages.get("/o/customer/new").body();
        assertThat(form).contains("enctype=\"multipart/form-data\"", "type=\"file\"", "name=\"" + contracts + ".files\"");

        HttpResponse<String> refused = wangPages.upload("/o/customer", Map.of("name", "", contracts, ""),
                List.of(new FilePart(contracts + ".files", "规格书.pdf", TestFiles.PDF),
                        new FilePart(contracts + ".files", "病毒.exe", TestFiles.EXE)), null);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).as("the refused file is named, the kept one stays in the form")
                .contains("「病毒.exe」是程序或网页文件", "规格书.pdf");
        long kept = files.describe(List.of(1L, 2L, 3L)).stream().filter(f -> f.name().equals("规格书.pdf")).findFirst()
                .orElseThrow().id();
        assertThat(refused.body()).contains("name=\"" + contracts + "\" value=\"" + kept + "\"");

        HttpResponse<String> saved = wangPages.upload("/o/customer", Map.of("name", "北京海纳科技有限公司", contracts, String.valueOf(kept)),
                List.of(new FilePart(contracts + ".files", "", new byte[0])), null);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String detail = wangPages.get("/o/customer/" + id).body();
        assertThat(detail).contains("href=\"/files/" + kept + "\"", "规格书.pdf", TestFiles.PDF.length + " B");

        String edit = wangPages.get("/o/customer/" + id + "/edit").body();
        assertThat(edit).contains("name=\"" + contracts + ".remove\" value=\"" + kept + "\"");
        HttpResponse<String> removed = wangPages.upload("/o/customer/" + id, Map.of("version", "0", "name", "北京海纳科技有限公司",
                contracts, String.valueOf(kept), contracts + ".remove", String.valueOf(kept)), List.of(), null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(302);
        assertThat(records.read(wang, "customer", id).get(contracts)).isNull();
        assertThat(wangPages.download("/files/" + kept, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anExportNamesTheFiles() {
        StoredFile quote = files.upload(wang, "file", "报价单.pdf", TestFiles.PDF);
        StoredFile photo = files.upload(wang, "file", "照片.png", TestFiles.PNG);
        records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司", contracts, quote.id() + "," + photo.id()));

        String csv = new String(signedIn(TestOrg.ADMIN).download("/o/customer/export?format=csv", null).body(),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv).contains("合同附件", "报价单.pdf、照片.png");
    }

    @Test
    void aMergeKeepsTheFilesOfTheSideChosen() {
        StoredFile keptFile = files.upload(wang, "file", "旧合同.pdf", TestFiles.PDF);
        StoredFile otherFile = files.upload(wang, "file", "新合同.pdf", TestFiles.PDF);
        RecordData kept = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司", contracts, String.valueOf(keptFile.id())));
        RecordData other = records.create(wang, "customer", Map.of("name", "北京海纳科技", contracts, String.valueOf(otherFile.id())));

        merge.merge(admin, "customer", kept.id(), new MergeRequest(other.id(), null, null, Map.of(contracts, RecordMerge.OTHER)));

        assertThat(records.read(wang, "customer", kept.id()).get(contracts)).isEqualTo(List.of(otherFile.id()));
        assertThat(signedIn("zhao").download("/files/" + otherFile.id(), null).statusCode())
                .as("the merged record's file now is the kept one's").isEqualTo(200);
        assertThatThrownBy(() -> files.readable(wang, keptFile.id())).isInstanceOf(NotFoundException.class);
    }

    private long upload(WebClient api, String token, String name) {
        HttpResponse<String> answer = api.upload("/api/v1/files", Map.of(),
                List.of(new FilePart("file", name, name.endsWith(".png") ? TestFiles.PNG : TestFiles.PDF)), token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body()).get("id").asLong();
    }

    private String message(InvalidInputException e) {
        return e.problems().stream().map(p -> messages.getMessage(p.messageKey(), p.args(), Locale.SIMPLIFIED_CHINESE))
                .collect(Collectors.joining(" "));
    }

    private WebClient signedIn(String username) {
        WebClient web = new WebClient(port);
        web.login(username, TestOrg.PASSWORD);
        return web;
    }
}
