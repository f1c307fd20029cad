package io.haina.crm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.org.UserAdminService;
import io.haina.crm.platform.security.org.UserStatus;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestNotices;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * "Transfer everything" of a leaving user (C5): thousands of customers, contacts and leads and the
 * open tasks of a resigned rep go to a colleague in one step, set-based, each record with its
 * history entry and the colleague told once; administrators only, from a resigned user, to an
 * active one.
 */
@HainaIntegrationTest
class UserHandoverIntegrationTest {

    /**
     * Enough to see that the work is set-based (record by record this would take minutes); run with
     * {@code -Dhaina.handover.customers=50000} to time a big book (50,000 customers, as many
     * contacts, 5,000 leads, 25,000 open tasks: 7 s on a busy 2-core machine).
     */
    static final int CUSTOMERS = Integer.getInteger("haina.handover.customers", 3_000);

    @Autowired
    UserHandover handover;
    @Autowired
    RecordService records;
    @Autowired
    UserAdminService userAdmin;
    @Autowired
    TestNotices notices;
    @Autowired
    DSLContext db;
    @Autowired
    TestOrg org;
    @LocalServerPort
    int port;

    long admin;
    long wang;
    long li;

    @BeforeEach
    void company() {
        admin = org.admin();
        long east = org.department("华东区", null);
        long rep = org.role("销售代表").grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT)
                .grant("contact", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT)
                .grant("lead", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT).create();
        wang = org.user("wang", "王小明", east, null, rep);
        li = org.user("li", "李娜", east, null, rep);
    }

    @Test
    void everythingOfAResignedUserMovesInOneStepWithHistoryAndOneNotice() {
        RecordData kept = records.create(li, "customer", Map.of("name", "李娜自己的客户"));
        load(wang, CUSTOMERS);
        userAdmin.changeStatus(admin, wang, UserStatus.RESIGNED);
        assertThat(handover.holdings(admin, wang)).extracting(UserHandover.Holding::code, UserHandover.Holding::count)
                .contains(tuple("customer", CUSTOMERS), tuple("contact", CUSTOMERS),
                        tuple("lead", CUSTOMERS / 10), tuple("task", CUSTOMERS / 2));

        long start = System.nanoTime();
        var moved = handover.handOver(admin, wang, li);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("Handed over %,d records and tasks in %d ms%n", moved.stream().mapToInt(UserHandover.Holding::count).sum(),
                took.toMillis());

        assertThat(moved).extracting(UserHandover.Holding::code, UserHandover.Holding::count)
                .contains(tuple("customer", CUSTOMERS), tuple("contact", CUSTOMERS),
                        tuple("lead", CUSTOMERS / 10), tuple("task", CUSTOMERS / 2));
        assertThat(took).as("well inside a request's time").isLessThan(Duration.ofSeconds(30));
        assertThat(handover.holdings(admin, wang)).allSatisfy(h -> assertThat(h.count()).as(h.code()).isZero());
        assertThat(db.fetchCount(db.selectFrom("customer").where("owner_id = ?", li))).isEqualTo(CUSTOMERS + 1);
        assertThat(db.fetchValue("select owner_department_id from customer where owner_id = ? limit 1", li))
                .isEqualTo(db.fetchValue("select department_id from app_user where id = ?", li));
        assertThat(db.fetchCount(db.selectFrom("record_history").where("action = 'TRANSFERRED' and changed_by = ? "
                + "and changes->'reason'->>1 = 'record.reason.transferred|王小明|李娜'", admin)))
                .isEqualTo(CUSTOMERS * 2 + CUSTOMERS / 10);
        long someCustomer = db.fetchSingle("select min(id) from customer where name like '交接客户%'").get(0, Long.class);
        RecordHistoryEntry last = records.history(li, "customer", someCustomer).getFirst();
        assertThat(last.action()).isEqualTo("TRANSFERRED");
        assertThat(last.changes()).extracting(FieldChange::field).contains("owner_id", SystemRecords.REASON);
        assertThat(records.read(li, "customer", someCustomer).ownerId()).as("the colleague works with them now").isEqualTo(li);
        assertThat(records.read(li, "customer", kept.id()).version()).as("their own records untouched").isEqualTo(kept.version());
        assertThat(notices.of(li)).singleElement().satisfies(n -> {
            assertThat(n.messageKey()).isEqualTo("handover.notice");
            assertThat(n.args()).containsExactly("王小明", String.valueOf(CUSTOMERS * 2 + CUSTOMERS / 10 + CUSTOMERS / 2), "管理员");
        });
    }

    @Test
    void onlyAnAdministratorHandsOverOnlyAResignedUserOnlyToAnActiveOne() {
        long zhou = org.user("zhou", "周杰", null, null);
        RecordData customer = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));

        assertThatThrownBy(() -> handover.handOver(admin, wang, li)).as("still working here")
                .isInstanceOf(ConflictException.class);
        userAdmin.changeStatus(admin, wang, UserStatus.RESIGNED);
        assertThatThrownBy(() -> handover.handOver(li, wang, li)).isInstanceOf(AccessDeniedException.class);
        userAdmin.changeStatus(admin, zhou, UserStatus.RESIGNED);
        assertThatThrownBy(() -> handover.handOver(admin, wang, zhou)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("handover.error.receiver"));
        assertThatThrownBy(() -> handover.handOver(admin, wang, wang)).isInstanceOf(InvalidInputException.class);

        WebClient rep = new WebClient(port);
        rep.login("li", TestOrg.PASSWORD);
        assertThat(rep.get("/org/users/" + wang + "/handover").statusCode()).isEqualTo(403);
        WebClient api = new WebClient(port);
        assertThat(api.json("POST", "/api/v1/users/" + wang + "/transfer-all", "{\"toUserId\":" + li + "}",
                api.apiToken("li", TestOrg.PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(records.read(admin, "customer", customer.id()).ownerId()).isEqualTo(wang);

        WebClient page = new WebClient(port);
        page.login(TestOrg.ADMIN, TestOrg.PASSWORD);
        assertThat(page.get("/org/users/" + wang).body()).contains("/org/users/" + wang + "/handover");
        var form = page.get("/org/users/" + wang + "/handover");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("data-holding=\"customer\"");
        var done = page.post("/org/users/" + wang + "/handover", Map.of("toUserId", String.valueOf(li)));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(page.get("/org/users/" + wang + "/handover").body()).contains("handover-moved");
        assertThat(records.read(admin, "customer", customer.id()).ownerId()).isEqualTo(li);

        var overApi = api.json("POST", "/api/v1/users/" + wang + "/transfer-all", "{\"toUserId\":" + li + "}",
                api.apiToken(TestOrg.ADMIN, TestOrg.PASSWORD));
        assertThat(overApi.statusCode()).isEqualTo(200);
        assertThat(overApi.body()).contains("\"total\":0");
    }

    /**
     * A rep's book straight into the tables (the engine's create would take minutes for thousands):
     * customers, one contact each, a lead for every tenth, an open task for every second and a
     * done one besides, which stays.
     */
    private void load(long owner, int customers) {
        db.execute("""
                insert into customer (name, owner_id, owner_department_id, created_by, updated_by, owner_since)
                select '交接客户' || n, {0}, (select department_id from app_user where id = {0}), {0}, {0}, now()
                from generate_series(1, {1}) n""", DSL.val(owner), DSL.val(customers));
        db.execute("""
                insert into contact (name, customer_id, owner_id, created_by, updated_by)
                select '联系人' || c.id, c.id, {0}, {0}, {0} from customer c where c.owner_id = {0}""", DSL.val(owner));
        db.execute("""
                insert into lead (name, company, owner_id, created_by, updated_by, owner_since)
                select '线索' || n, '公司' || n, {0}, {0}, {0}, now() from generate_series(1, {1}) n""", DSL.val(owner), DSL.val(customers / 10));
        db.execute("""
                insert into task (title, due_at, assignee_id, created_by, created_at, updated_at, status)
                select '任务' || n, now() + interval '1 day', {0}, {0}, now(), now(), case when n % 2 = 0 then 'open' else 'done' end
                from generate_series(1, {1}) n""", DSL.val(owner), DSL.val(customers));
    }
}
