package io.haina.crm.sales.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.activity.Task;
import io.haina.crm.platform.activity.TaskDraft;
import io.haina.crm.platform.activity.Tasks;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordHistoryEntry;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.org.UserAdminService;
import io.haina.crm.platform.security.org.UserStatus;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.sales.lead.LeadConversion;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestNotices;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * Customer transfer (C5): customers go to a colleague with the contacts, converted leads and open
 * tasks their previous owner kept of them, each record saying so in its history, the colleague
 * told once; refused whole for a rep without the TRANSFER grant, for a receiver who has left, and
 * for an id the actor may not see.
 */
@HainaIntegrationTest
class CustomerTransferIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    CustomerTransfer transfer;
    @Autowired
    RecordService records;
    @Autowired
    LeadConversion conversion;
    @Autowired
    Tasks tasks;
    @Autowired
    UserAdminService userAdmin;
    @Autowired
    TestNotices notices;
    @Autowired
    TestOrg org;
    @LocalServerPort
    int port;

    long admin;
    long wang;
    long li;
    long zhao;
    long zhou;

    @BeforeEach
    void company() {
        admin = org.admin();
        long east = org.department("华东区", null);
        long rep = org.role("销售代表")
                .grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT, ObjectAction.TRANSFER)
                .grant("contact", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT)
                .grant("lead", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT).create();
        long manager = org.role("销售经理")
                .grant("customer", ScopeLevel.DEPARTMENT, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT, ObjectAction.TRANSFER)
                .grant("contact", ScopeLevel.DEPARTMENT, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT).create();
        long assistant = org.role("助理").worksOwn("customer", "contact").create();
        zhao = org.user("zhao", "赵经理", east, null, manager);
        wang = org.user("wang", "王小明", east, zhao, rep);
        li = org.user("li", "李娜", east, zhao, rep);
        zhou = org.user("zhou", "周杰", east, zhao, assistant);
    }

    @Test
    void customersGoWithTheirContactsLeadsAndOpenTasksAndEachRecordSaysSo() {
        RecordData haina = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        RecordData yunfan = records.create(wang, "customer", Map.of("name", "上海云帆网络有限公司"));
        RecordData zhang = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(haina.id())));
        RecordData managers = records.create(zhao, "contact", Map.of("name", "钱总", "customer_id", String.valueOf(haina.id())));
        RecordData lead = records.create(wang, "lead", Map.of("name", "陈静", "company", "海纳科技"));
        conversion.convert(wang, lead.id(), haina.id(), false);
        Task open = task("发报价单", "customer", haina.id());
        Task done = task("首次拜访", "customer", haina.id());
        tasks.setDone(wang, done.id(), true);
        Task aboutContact = task("约张伟吃饭", "contact", zhang.id());
        Task unrelated = task("写周报", null, null);

        CustomerTransfer.Outcome outcome = transfer.transfer(wang, List.of(haina.id(), yunfan.id()), li, CustomerTransfer.Options.ALL);

        assertThat(outcome).isEqualTo(new CustomerTransfer.Outcome(2, 1, 1, 2));
        assertThat(records.read(li, "customer", haina.id()).ownerId()).isEqualTo(li);
        assertThat(records.read(li, "customer", yunfan.id()).ownerId()).isEqualTo(li);
        assertThat(records.read(li, "contact", zhang.id()).ownerId()).isEqualTo(li);
        assertThat(records.read(zhao, "contact", managers.id()).ownerId()).as("a colleague's contact stays theirs").isEqualTo(zhao);
        assertThat(records.read(admin, "lead", lead.id()).ownerId()).isEqualTo(li);
        assertThat(tasks.find(li, open.id()).assigneeId()).isEqualTo(li);
        assertThat(tasks.find(li, aboutContact.id()).assigneeId()).isEqualTo(li);
        assertThat(tasks.find(wang, done.id()).assigneeId()).as("done work stays with whoever did it").isEqualTo(wang);
        assertThat(tasks.find(wang, unrelated.id()).assigneeId()).isEqualTo(wang);
        String reason = "record.reason.transferred|王小明|李娜";
        for (var moved : List.of(Map.entry("customer", haina.id()), Map.entry("contact", zhang.id()), Map.entry("lead", lead.id()))) {
            RecordHistoryEntry last = records.history(admin, moved.getKey(), moved.getValue()).getFirst();
            assertThat(last.action()).as(moved.getKey()).isEqualTo("TRANSFERRED");
            assertThat(last.changes()).as(moved.getKey()).anySatisfy(c -> {
                assertThat(c.field()).isEqualTo(SystemRecords.REASON);
                assertThat(c.to()).isEqualTo(reason);
            });
        }
        assertThat(notices.of(li)).singleElement().satisfies(n -> {
            assertThat(n.messageKey()).isEqualTo("customer.transfer.notice");
            assertThat(n.args()).containsExactly("王小明", "2", "1", "1", "2");
        });
    }

    @Test
    void onlyWhatIsChosenGoesAlong() {
        RecordData haina = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        RecordData zhang = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(haina.id())));
        Task open = task("发报价单", "customer", haina.id());

        transfer.transfer(zhao, List.of(haina.id()), li, new CustomerTransfer.Options(false, false, false));

        assertThat(records.read(li, "customer", haina.id()).ownerId()).isEqualTo(li);
        assertThat(records.read(wang, "contact", zhang.id()).ownerId()).isEqualTo(wang);
        assertThat(tasks.find(wang, open.id()).assigneeId()).isEqualTo(wang);
        assertThat(records.history(admin, "customer", haina.id()).getFirst().by()).as("the manager did it").isEqualTo(zhao);
    }

    @Test
    void aRepWithoutTheTransferGrantCannotByServicePageOrApi() {
        RecordData mine = records.create(zhou, "customer", Map.of("name", "北京海纳科技有限公司"));

        assertThatThrownBy(() -> transfer.transfer(zhou, List.of(mine.id()), li, CustomerTransfer.Options.ALL))
                .isInstanceOf(AccessDeniedException.class);
        WebClient page = new WebClient(port);
        page.login("zhou", TestOrg.PASSWORD);
        assertThat(page.get("/o/customer/" + mine.id()).body()).doesNotContain("record-action-transfer");
        assertThat(page.get("/o/customer").body()).doesNotContain("list-action-transfer");
        assertThat(page.get("/customers/transfer?ids=" + mine.id()).statusCode()).isEqualTo(403);
        assertThat(page.post("/customers/transfer", Map.of("ids", String.valueOf(mine.id()), "toUserId", String.valueOf(li)))
                .statusCode()).isEqualTo(403);
        WebClient api = new WebClient(port);
        var refused = api.json("POST", "/api/v1/objects/customer/transfer",
                "{\"ids\":[" + mine.id() + "],\"toUserId\":" + li + "}", api.apiToken("zhou", TestOrg.PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(403);

        assertThat(records.read(zhou, "customer", mine.id()).ownerId()).isEqualTo(zhou);
    }

    @Test
    void theReceiverMustBeAnActiveUser() {
        RecordData haina = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        userAdmin.changeStatus(admin, li, UserStatus.RESIGNED);

        assertThatThrownBy(() -> transfer.transfer(wang, List.of(haina.id()), li, CustomerTransfer.Options.ALL))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("customer.transfer.error.receiver"));
        assertThat(records.read(wang, "customer", haina.id()).ownerId()).isEqualTo(wang);
    }

    @Test
    void anIdTheActorCannotSeeRefusesTheWholeTransfer() {
        RecordData mine = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        RecordData mineToo = records.create(wang, "customer", Map.of("name", "杭州西湖数据服务有限公司"));
        RecordData zhang = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(mine.id())));
        RecordData hers = records.create(li, "customer", Map.of("name", "上海云帆网络有限公司"));

        assertThatThrownBy(() -> transfer.transfer(wang, List.of(mine.id(), hers.id(), mineToo.id()), zhou, CustomerTransfer.Options.ALL))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().getFirst().messageKey()).isEqualTo("bulk.error.unreachable");
                    assertThat(e.problems().getFirst().args()).containsExactly(hers.id());
                });
        WebClient api = new WebClient(port).language("en");
        var refused = api.json("POST", "/api/v1/objects/customer/transfer",
                "{\"ids\":[" + mine.id() + "," + hers.id() + "],\"toUserId\":" + zhou + "}", api.apiToken("wang", TestOrg.PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("#" + hers.id());

        assertThat(records.read(wang, "customer", mine.id()).ownerId()).as("nothing moved").isEqualTo(wang);
        assertThat(records.read(wang, "customer", mineToo.id()).ownerId()).isEqualTo(wang);
        assertThat(records.read(wang, "contact", zhang.id()).ownerId()).isEqualTo(wang);
        assertThat(records.read(li, "customer", hers.id()).ownerId()).isEqualTo(li);
        assertThat(notices.of(zhou)).isEmpty();
    }

    @Test
    void theOwnerTransfersFromThePageAndOverTheApi() {
        RecordData haina = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        RecordData yunfan = records.create(wang, "customer", Map.of("name", "上海云帆网络有限公司"));
        RecordData zhang = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(yunfan.id())));

        WebClient page = new WebClient(port);
        page.login("wang", TestOrg.PASSWORD);
        assertThat(page.get("/o/customer/" + haina.id()).body()).contains("record-action-transfer");
        var form = page.get("/customers/transfer?ids=" + haina.id());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("北京海纳科技有限公司");
        var done = page.post("/customers/transfer", Map.of("ids", String.valueOf(haina.id()), "toUserId", String.valueOf(li),
                "contacts", "true", "back", "/o/customer/" + haina.id()));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/o/customer/" + haina.id());
        assertThat(records.read(li, "customer", haina.id()).ownerId()).isEqualTo(li);

        WebClient api = new WebClient(port);
        var answer = api.json("POST", "/api/v1/objects/customer/transfer", "{\"ids\":[" + yunfan.id() + "],\"toUserId\":" + li
                + ",\"options\":{\"tasks\":false}}", api.apiToken("wang", TestOrg.PASSWORD));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"customers\":1").contains("\"contacts\":1");
        assertThat(records.read(li, "contact", zhang.id()).ownerId()).isEqualTo(li);
    }

    private Task task(String title, String objectCode, Long recordId) {
        return tasks.create(wang, new TaskDraft(title, null, OffsetDateTime.now().plusDays(1).toString(), null, null, null,
                objectCode, recordId == null ? null : String.valueOf(recordId)), SHANGHAI);
    }
}
