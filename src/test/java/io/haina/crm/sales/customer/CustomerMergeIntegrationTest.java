package io.haina.crm.sales.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.activity.FollowUp;
import io.haina.crm.platform.activity.FollowUpDraft;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.activity.Task;
import io.haina.crm.platform.activity.TaskDraft;
import io.haina.crm.platform.activity.Tasks;
import io.haina.crm.platform.activity.Timeline;
import io.haina.crm.platform.io.DuplicatePolicy;
import io.haina.crm.platform.io.ImportJob;
import io.haina.crm.platform.io.Imports;
import io.haina.crm.platform.records.MergeRequest;
import io.haina.crm.platform.records.PossibleDuplicates;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordHistoryEntry;
import io.haina.crm.platform.records.RecordMerge;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.StaleRecordException;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.sales.lead.LeadConversion;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MergeTrap;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * Duplicate customers (C7, L8): the three spellings of one company are caught when a customer is
 * imported too, and two customers merge into one keeping every related record — contacts, a lead
 * converted into the merged one, follow-ups with their comments, tasks, team members, history —
 * in one transaction, for whoever may edit the one kept and delete the other, and for nobody else.
 */
@HainaIntegrationTest
class CustomerMergeIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    RecordService records;
    @Autowired
    RecordMerge merge;
    @Autowired
    PossibleDuplicates duplicates;
    @Autowired
    LeadConversion conversion;
    @Autowired
    FollowUps followUps;
    @Autowired
    Tasks tasks;
    @Autowired
    SystemRecords system;
    @Autowired
    Imports imports;
    @Autowired
    MergeTrap trap;
    @Autowired
    DSLContext db;
    @Autowired
    TestOrg org;
    @LocalServerPort
    int port;

    long wang;
    long li;
    long zhou;

    @BeforeEach
    void company() {
        org.admin();
        long east = org.department("华东区", null);
        long rep = org.role("销售代表")
                .grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT,
                        ObjectAction.DELETE, ObjectAction.IMPORT)
                .grant("contact", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT)
                .grant("lead", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT).create();
        long noDelete = org.role("助理").worksOwn("customer").create();
        wang = org.user("wang", "王小明", east, null, rep);
        li = org.user("li", "李娜", east, null, rep);
        zhou = org.user("zhou", "周杰", east, null, noDelete);
    }

    @Test
    void theThreeSpellingsAreOneCompanyWhenEnteredEditedOrImported() {
        RecordData haina = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        for (String spelling : List.of("北京海纳科技", "（北京）海纳科技有限公司")) {
            assertThat(duplicates.find(wang, "customer", Map.of("name", spelling), null)).as(spelling)
                    .extracting(d -> d.record().id()).containsExactly(haina.id());
        }
        RecordData other = records.create(wang, "customer", Map.of("name", "上海云帆网络有限公司"));
        // Renaming another customer to a spelling of the first is flagged on the edit form too.
        assertThat(duplicates.find(wang, "customer", Map.of("name", "（北京）海纳科技有限公司"), other.id()))
                .extracting(d -> d.record().id()).containsExactly(haina.id());

        byte[] file = ("\uFEFF客户名称,电话\r\n北京海纳科技,010-8888 6666\r\n（北京）海纳科技有限公司,\r\n杭州西湖数据服务有限公司,0571-8888 1234\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportJob uploaded = imports.upload(wang, "customer", "客户.csv", file, Locale.SIMPLIFIED_CHINESE, SHANGHAI);
        imports.configure(wang, "customer", uploaded.id(), uploaded.mapping(), DuplicatePolicy.UPDATE, List.of("name"));
        imports.run(wang, "customer", uploaded.id());
        ImportJob done = awaitIdle(uploaded.id());

        assertThat(done.created()).isEqualTo(1);
        assertThat(done.updated()).isEqualTo(1);
        assertThat(done.skipped()).isEqualTo(1);
        RecordData updated = records.read(wang, "customer", haina.id());
        assertThat(updated.get("name")).as("matched by its company key, not renamed").isEqualTo("北京海纳科技有限公司");
        assertThat(updated.get("phone")).isEqualTo("010-8888 6666");
        assertThat(db.fetchCount(db.selectFrom("customer").where("deleted_at is null"))).isEqualTo(3);
    }

    @Test
    void aMergeKeepsEveryRelatedRecordAndTheHistoryOfBoth() {
        RecordData kept = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司", "level", "a"));
        RecordData gone = records.create(wang, "customer", Map.of("name", "（北京）海纳科技有限公司", "level", "b",
                "industry", "it", "phone", "010-8888 6666"));
        RecordData contact = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(gone.id())));
        RecordData keptsOwn = records.create(wang, "contact", Map.of("name", "李雷", "customer_id", String.valueOf(kept.id())));
        RecordData lead = records.create(wang, "lead", Map.of("name", "陈静", "company", "海纳科技"));
        conversion.convert(wang, lead.id(), gone.id(), false);
        FollowUp call = followUps.add(wang, "customer", gone.id(), new FollowUpDraft("call", "聊了明年的预算",
                List.of(String.valueOf(contact.id())), null, OffsetDateTime.now().plusDays(3).toLocalDateTime().withNano(0).toString()), SHANGHAI);
        followUps.comment(wang, call.id(), "预算下周确认");
        Task task = tasks.create(wang, new TaskDraft("发报价单", null, OffsetDateTime.now().plusDays(1).toString(), null, null,
                null, "customer", String.valueOf(gone.id())), SHANGHAI);
        records.shareWith(wang, "customer", gone.id(), li, false, null);
        gone = records.read(wang, "customer", gone.id());
        gone = records.update(wang, "customer", gone.id(), gone.version(), Map.of("description", "老客户介绍来的"));
        kept = records.read(wang, "customer", kept.id());

        RecordData result = merge.merge(wang, "customer", kept.id(), new MergeRequest(gone.id(), kept.version(), gone.version(),
                Map.of("phone", RecordMerge.OTHER, "industry", RecordMerge.OTHER, "level", RecordMerge.THIS)));

        // The chosen values, through the engine, with the reason in the history.
        assertThat(result.get("name")).isEqualTo("北京海纳科技有限公司");
        assertThat(result.get("phone")).isEqualTo("010-8888 6666");
        assertThat(result.get("industry")).isEqualTo("it");
        assertThat(result.get("level")).isEqualTo("a");
        assertThat(result.get("description")).as("a field not chosen keeps the kept record's value").isNull();
        // Everything that pointed at the merged customer points at the kept one.
        assertThat(records.read(wang, "contact", contact.id()).get("customer_id")).isEqualTo(kept.id());
        assertThat(records.read(wang, "lead", lead.id()).get("converted_customer_id")).isEqualTo(kept.id());
        List<FollowUp> onKept = followUps.of(wang, "customer", kept.id(), Timeline.Cursor.START.at(), Long.MAX_VALUE, 10);
        assertThat(onKept).extracting(FollowUp::id).containsExactly(call.id());
        assertThat(followUps.commentsOf(onKept).get(call.id())).extracting(c -> c.body()).containsExactly("预算下周确认");
        assertThat(tasks.find(wang, task.id()).recordId()).isEqualTo(kept.id());
        assertThat(records.team(wang, "customer", kept.id())).extracting(m -> m.userId()).containsExactly(li);
        assertThat(records.read(li, "customer", kept.id()).id()).as("the team member reads the kept customer").isEqualTo(kept.id());
        assertThat(result.get("last_follow_up_at")).as("the merged customer's follow-up counts").isEqualTo(call.at());
        assertThat(result.get("next_follow_up_at")).isEqualTo(call.nextAt());
        // The merged customer is in the recycle bin, saying where it went.
        long goneId = gone.id();
        assertThatThrownBy(() -> records.read(wang, "customer", goneId)).isInstanceOf(NotFoundException.class);
        assertThat(db.fetchValue("select changes->'reason'->>1 from record_history where object_code = 'customer' "
                + "and record_id = ? and action = 'MERGED'", goneId)).isEqualTo("record.reason.merged-into|北京海纳科技有限公司");
        // The kept customer's history shows both, the merged one's entries saying where they came from.
        List<RecordHistoryEntry> history = records.history(wang, "customer", kept.id());
        assertThat(history.getFirst().action()).isIn("MERGED", "SHARED_READ");
        assertThat(history).filteredOn(e -> e.action().equals("MERGED") && e.mergedFrom() == null).singleElement()
                .satisfies(e -> assertThat(e.changes()).extracting(c -> c.field()).contains("phone", "industry", SystemRecords.REASON));
        assertThat(history).filteredOn(e -> "（北京）海纳科技有限公司".equals(e.mergedFrom())).extracting(RecordHistoryEntry::action)
                .contains("CREATED", "UPDATED", "SHARED_READ", "MERGED");
        // The contact's history says why its customer changed.
        assertThat(records.history(wang, "contact", contact.id())).anySatisfy(entry -> assertThat(entry.changes())
                .anySatisfy(c -> assertThat(c.to()).isEqualTo("record.reason.reference-merged|（北京）海纳科技有限公司|北京海纳科技有限公司")));
        // Each customer had a primary contact; the kept customer's own stays the one.
        assertThat(records.read(wang, "contact", keptsOwn.id()).get("is_primary")).isEqualTo(true);
        assertThat(records.read(wang, "contact", contact.id()).get("is_primary")).isEqualTo(false);
    }

    @Test
    void aRepCannotMergeAColleaguesCustomerByServicePageOrApi() {
        RecordData wangs = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        RecordData wangsOther = records.create(wang, "customer", Map.of("name", "北京海纳科技"));
        RecordData lis = records.create(li, "customer", Map.of("name", "海纳科技（北京）有限公司"));
        RecordData zhous = records.create(zhou, "customer", Map.of("name", "上海云帆网络"));
        RecordData zhousOther = records.create(zhou, "customer", Map.of("name", "云帆网络"));

        assertThatThrownBy(() -> merge.merge(li, "customer", wangs.id(), new MergeRequest(wangsOther.id(), null, null, Map.of())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> merge.merge(li, "customer", lis.id(), new MergeRequest(wangs.id(), null, null, Map.of())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> merge.merge(zhou, "customer", zhous.id(), new MergeRequest(zhousOther.id(), null, null, Map.of())))
                .as("editing is not enough: the other record is deleted").isInstanceOf(AccessDeniedException.class);

        WebClient page = new WebClient(port);
        page.login("li", TestOrg.PASSWORD);
        assertThat(page.get("/o/customer/" + lis.id() + "/merge?with=" + wangs.id()).statusCode()).isEqualTo(404);
        page.get("/o/customer/" + lis.id());
        assertThat(page.post("/o/customer/" + lis.id() + "/merge", Map.of("otherId", String.valueOf(wangs.id()),
                "choice.name", "other")).statusCode()).isEqualTo(404);
        WebClient assistant = new WebClient(port);
        assistant.login("zhou", TestOrg.PASSWORD);
        assertThat(assistant.get("/o/customer/" + zhous.id() + "/merge").statusCode()).isEqualTo(403);
        assertThat(assistant.get("/o/customer/" + zhous.id()).body()).doesNotContain("record-action-merge");

        WebClient api = new WebClient(port).language("en");
        var refused = api.json("POST", "/api/v1/objects/customer/" + lis.id() + "/merge",
                "{\"otherId\":" + wangs.id() + ",\"fields\":{\"name\":\"other\"}}", api.apiToken("li", TestOrg.PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(404);
        var forbidden = api.json("POST", "/api/v1/objects/customer/" + zhous.id() + "/merge",
                "{\"otherId\":" + zhousOther.id() + "}", api.apiToken("zhou", TestOrg.PASSWORD));
        assertThat(forbidden.statusCode()).isEqualTo(403);

        assertThat(records.read(wang, "customer", wangs.id()).version()).isEqualTo(wangs.version());
        assertThat(records.read(wang, "customer", wangsOther.id()).version()).isEqualTo(wangsOther.version());
        assertThat(records.read(li, "customer", lis.id()).version()).isEqualTo(lis.version());
        assertThat(records.read(zhou, "customer", zhousOther.id()).id()).isEqualTo(zhousOther.id());
    }

    @Test
    void theOwnerMergesOverTheApiWithTheVersionsRead() {
        RecordData kept = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        RecordData gone = records.create(wang, "customer", Map.of("name", "北京海纳科技", "phone", "010-8888 6666"));
        WebClient api = new WebClient(port).language("en");
        String token = api.apiToken("wang", TestOrg.PASSWORD);

        var answer = api.json("POST", "/api/v1/objects/customer/" + kept.id() + "/merge", "{\"otherId\":" + gone.id()
                + ",\"fields\":{\"phone\":\"other\"},\"version\":" + kept.version() + ",\"otherVersion\":" + gone.version() + "}", token);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"phone\":\"010-8888 6666\"").contains("\"id\":" + kept.id());
        var again = api.json("GET", "/api/v1/objects/customer/" + gone.id(), null, token);
        assertThat(again.statusCode()).isEqualTo(404);
    }

    @Test
    void aStaleVersionIsRefusedWithTheEnginesMessageAndNothingMoves() {
        RecordData kept = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        RecordData gone = records.create(wang, "customer", Map.of("name", "北京海纳科技"));
        RecordData contact = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(gone.id())));
        records.update(wang, "customer", kept.id(), kept.version(), Map.of("level", "key"));

        assertThatThrownBy(() -> merge.merge(wang, "customer", kept.id(), new MergeRequest(gone.id(), kept.version(),
                gone.version(), Map.of())))
                .isInstanceOfSatisfying(StaleRecordException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("record.error.stale");
                    assertThat(e.changes()).extracting(c -> c.field()).containsExactly("level");
                });
        WebClient api = new WebClient(port).language("en");
        var conflict = api.json("POST", "/api/v1/objects/customer/" + kept.id() + "/merge", "{\"otherId\":" + gone.id()
                + ",\"version\":" + kept.version() + "}", api.apiToken("wang", TestOrg.PASSWORD));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("someone else changed").contains("\"level\"");

        assertThat(records.read(wang, "customer", gone.id()).id()).isEqualTo(gone.id());
        assertThat(records.read(wang, "contact", contact.id()).get("customer_id")).isEqualTo(gone.id());
    }

    @Test
    void aMergeThatFailsHalfwayLeavesNothingHalfDone() {
        RecordData kept = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        RecordData gone = records.create(wang, "customer", Map.of("name", "北京海纳科技", "phone", "010-8888 6666"));
        RecordData contact = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(gone.id())));
        FollowUp call = followUps.add(wang, "customer", gone.id(), new FollowUpDraft("call", "聊了预算", List.of(), null, null), SHANGHAI);
        records.shareWith(wang, "customer", gone.id(), li, true, null);
        gone = records.read(wang, "customer", gone.id());
        trap.arm();

        long goneId = gone.id();
        assertThatThrownBy(() -> merge.merge(wang, "customer", kept.id(), new MergeRequest(goneId, null, null,
                Map.of("phone", RecordMerge.OTHER)))).isInstanceOf(IllegalStateException.class);

        assertThat(records.read(wang, "customer", goneId).version()).isEqualTo(gone.version());
        RecordData keptNow = records.read(wang, "customer", kept.id());
        assertThat(keptNow.version()).isEqualTo(kept.version());
        assertThat(keptNow.get("phone")).isNull();
        assertThat(records.read(wang, "contact", contact.id()).get("customer_id")).isEqualTo(goneId);
        assertThat(followUps.find(wang, call.id()).recordId()).isEqualTo(goneId);
        assertThat(records.team(wang, "customer", goneId)).extracting(m -> m.userId()).containsExactly(li);
        assertThat(records.team(wang, "customer", kept.id())).isEmpty();
        assertThat(records.history(wang, "customer", kept.id())).extracting(RecordHistoryEntry::action).containsExactly("CREATED");
        assertThat(db.fetchCount(db.selectFrom("record_merge"))).isZero();
    }

    @Test
    void aMergedCustomerMergedAgainBringsAllEarlierHistoryAlong() {
        RecordData first = records.create(wang, "customer", Map.of("name", "海纳科技"));
        RecordData second = records.create(wang, "customer", Map.of("name", "北京海纳科技"));
        RecordData third = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));

        merge.merge(wang, "customer", second.id(), new MergeRequest(first.id(), null, null, Map.of()));
        merge.merge(wang, "customer", third.id(), new MergeRequest(second.id(), null, null, Map.of()));

        assertThat(records.history(wang, "customer", third.id())).filteredOn(e -> e.action().equals("CREATED"))
                .extracting(RecordHistoryEntry::mergedFrom).containsExactlyInAnyOrder(null, "北京海纳科技", "海纳科技");
    }

    private ImportJob awaitIdle(long importId) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        ImportJob job = imports.get(wang, "customer", importId);
        while (job.state().busy() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            job = imports.get(wang, "customer", importId);
        }
        return job;
    }
}
