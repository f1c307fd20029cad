package io.haina.crm.sales.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.haina.crm.platform.activity.TodoItem;
import io.haina.crm.platform.activity.TodoReader;
import io.haina.crm.platform.records.RecordAction;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.sales.lead.LeadConversion;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestOrg;

/**
 * A lead pool (线索池): the nightly round takes back leads left without a follow-up, invalid ones
 * included (a colleague may try them again), but a converted lead is done with pools — no rule
 * returns it, no one returns it by hand or claims it, it weighs on no one's cap and no one is
 * warned about it.
 */
@HainaIntegrationTest
class LeadPoolIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    PoolSettings settings;
    @Autowired
    PoolClaims claims;
    @Autowired
    PoolReturns returns;
    @Autowired
    PoolRecycler recycler;
    @Autowired
    PoolReturningTodos returningTodos;
    @Autowired
    PoolRecordActions actions;
    @Autowired
    LeadConversion conversion;
    @Autowired
    RecordService records;
    @Autowired
    SystemRecords system;
    @Autowired
    MutableClock clock;
    @Autowired
    TestOrg org;

    long admin;
    long team;
    long manager;
    long wang;
    long li;

    @BeforeEach
    void leadTeam() {
        admin = org.admin();
        team = org.department("电销组", null);
        long rep = org.role("销售代表").worksOwn("lead", "customer", "contact").create();
        long managerRole = org.role("电销主管").grant("lead", ScopeLevel.DEPARTMENT, ObjectAction.VIEW, ObjectAction.EDIT).create();
        manager = org.user("manager", "张主管", team, null, managerRole);
        wang = org.user("wang", "王小明", team, manager, rep);
        li = org.user("li", "李娜", team, manager, rep);
    }

    private long leadPool(Integer ownedCap, Integer warnDays, PoolRule... rules) {
        return settings.create(admin, new PoolDraft("lead", "电销线索池", null, true, warnDays, null, ownedCap, false, null,
                List.of(PoolMember.department(team), PoolMember.user(manager, true)), List.of(rules)));
    }

    private RecordData lead(long owner, String name) {
        return records.create(owner, "lead", Map.of("name", name, "company", name + "的公司"));
    }

    private RecordData converted(long owner, String name) {
        RecordData lead = lead(owner, name);
        conversion.convert(owner, lead.id(), null, false);
        return records.read(owner, "lead", lead.id());
    }

    private static final PoolRule NO_FOLLOW_UP_14 = new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 14, null, false, false);

    @Test
    void theNightlyRoundTakesBackStaleLeadsInvalidOnesTooButNeverAConvertedOneAndOnlyOnce() {
        long pool = leadPool(null, 3, NO_FOLLOW_UP_14);
        RecordData stale = lead(wang, "陈静");
        RecordData invalid = lead(wang, "空号");
        records.update(wang, "lead", invalid.id(), invalid.version(), Map.of("status", "invalid"));
        RecordData done = converted(wang, "刘洋");
        RecordData followed = lead(wang, "周敏");

        clock.advance(Duration.ofDays(12));
        system.stamp("lead", followed.id(), Map.of("last_follow_up_at", OffsetDateTime.now(clock)));
        // Day 12: within the warning time, the converted lead is no one's worry.
        List<TodoItem> returning = returningTodos.listsFor(new TodoReader(wang, SHANGHAI, OffsetDateTime.now(clock)))
                .getFirst().items();
        assertThat(returning).extracting(TodoItem::title).containsExactlyInAnyOrder("陈静", "空号");
        assertThat(recycler.run()).isEqualTo(new PoolRecycler.Round(0, 2));

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(recycler.run()).isEqualTo(new PoolRecycler.Round(2, 0));

        assertThat(system.poolOf("lead", stale.id())).contains(pool);
        assertThat(system.poolOf("lead", invalid.id())).as("a colleague may try it again").contains(pool);
        assertThat(system.poolOf("lead", done.id())).isEmpty();
        assertThat(records.read(wang, "lead", done.id()).ownerId()).isEqualTo(wang);
        assertThat(system.poolOf("lead", followed.id())).isEmpty();
        claims.claim(li, "lead", invalid.id());
        assertThat(records.read(li, "lead", invalid.id()).ownerId()).isEqualTo(li);

        assertThat(recycler.run()).as("a second run the same night").isEqualTo(new PoolRecycler.Round(0, 0));
        assertThat(records.history(manager, "lead", stale.id()).stream().filter(h -> h.action().equals("RETURNED_TO_POOL")))
                .hasSize(1);
    }

    @Test
    void aConvertedLeadIsReturnedClaimedOrAssignedByNoOne() {
        long pool = leadPool(null, null, NO_FOLLOW_UP_14);
        RecordData done = converted(wang, "刘洋");

        assertThat(actions.actionsFor(wang, done)).extracting(RecordAction::id).doesNotContain("return", "lock");
        assertThatThrownBy(() -> returns.returnToPool(wang, "lead", done.id(), pool, "不跟了"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("pool.error.settled.lead"));
        assertThat(system.poolOf("lead", done.id())).isEmpty();

        // One the old round took back before this was fixed: it waits, but no one takes it.
        system.release("lead", done.id(), pool, null, "RETURNED_TO_POOL", "pool.reason.NO_FOLLOW_UP|14");
        assertThatThrownBy(() -> claims.claim(li, "lead", done.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("pool.error.settled.lead"));
        assertThatThrownBy(() -> claims.assign(manager, "lead", done.id(), li))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("pool.error.settled.lead"));
        assertThat(system.poolOf("lead", done.id())).contains(pool);
        assertThat(actions.actionsFor(li, records.read(li, "lead", done.id()))).isEmpty();
    }

    @Test
    void convertedLeadsWeighOnNoOnesCapInvalidOnesDo() {
        long pool = leadPool(2, null);
        converted(li, "李娜转化一");
        converted(li, "李娜转化二");
        RecordData invalid = lead(li, "李娜的无效线索");
        records.update(li, "lead", invalid.id(), invalid.version(), Map.of("status", "invalid"));
        RecordData first = lead(wang, "池中线索一");
        RecordData second = lead(wang, "池中线索二");
        returns.returnToPool(wang, "lead", first.id(), pool, "交给同事");
        returns.returnToPool(wang, "lead", second.id(), pool, "交给同事");

        // Two converted leads do not count, the invalid one does: one more fits under the cap of two.
        claims.claim(li, "lead", first.id());
        assertThatThrownBy(() -> claims.claim(li, "lead", second.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("pool.error.cap"));
        returns.returnToPool(li, "lead", invalid.id(), pool, "号码无效，留给同事再试");
        claims.claim(li, "lead", second.id());
    }

    @Test
    void aLeadWaitingInAPoolIsClaimedBeforeItIsConverted() {
        long pool = leadPool(null, null);
        RecordData waiting = lead(wang, "陈静");
        returns.returnToPool(wang, "lead", waiting.id(), pool, "交给同事");

        assertThatThrownBy(() -> conversion.convert(admin, waiting.id(), null, false))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("lead.convert.in-pool"));
        assertThat(records.read(admin, "lead", waiting.id()).get("status")).isEqualTo("new");
    }
}
