package io.haina.crm.sales.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.haina.crm.platform.activity.FollowUpDraft;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.activity.Task;
import io.haina.crm.platform.activity.TaskDraft;
import io.haina.crm.platform.activity.Tasks;
import io.haina.crm.platform.records.RecordAction;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordHistoryEntry;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestNotices;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * The customers' public pool (公海) end to end below the pages: who sees a pool's records, the
 * limits on claiming, manual return with a reason, assignment by the pool's administrator, and
 * the nightly round returning untouched customers (with a controlled clock), idempotently.
 */
@HainaIntegrationTest
class PoolIntegrationTest {

    @Autowired
    PoolSettings settings;
    @Autowired
    PoolClaims claims;
    @Autowired
    PoolReturns returns;
    @Autowired
    PoolRecycler recycler;
    @Autowired
    RecordService records;
    @Autowired
    RecordFinder finder;
    @Autowired
    SystemRecords system;
    @Autowired
    MutableClock clock;
    @Autowired
    PoolReturningTodos returningTodos;
    @Autowired
    TestNotices notices;
    @Autowired
    TestOrg org;
    @Autowired
    PoolRecordActions actions;
    @Autowired
    FollowUps followUps;
    @Autowired
    Tasks tasks;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    long admin;
    long east;
    long wang;
    long li;
    long zhao;
    long outsider;
    long manager;
    long north;

    @BeforeEach
    void salesTeam() {
        admin = org.admin();
        east = org.department("华东区", null);
        north = org.department("华北区", null);
        long shanghai = org.department("上海组", east);
        long rep = org.role("销售代表").worksOwn("customer").create();
        long managerRole = org.role("销售经理")
                .grant("customer", ScopeLevel.DEPARTMENT_AND_CHILDREN, ObjectAction.VIEW, ObjectAction.EDIT, ObjectAction.TRANSFER).create();
        manager = org.user("manager", "张经理", east, null, managerRole);
        wang = org.user("wang", "王小明", shanghai, manager, rep);
        li = org.user("li", "李娜", shanghai, manager, rep);
        zhao = org.user("zhao", "赵强", east, manager, rep);
        outsider = org.user("sun", "孙北", north, null, rep);
    }

    private long eastPool(Integer claimsPerDay, Integer ownedCap, Integer reclaimBarDays, Integer warnDays, PoolRule... rules) {
        return settings.create(admin, new PoolDraft("customer", "华东公海", "华东区的公共客户", true, warnDays, claimsPerDay,
                ownedCap, false, reclaimBarDays, List.of(PoolMember.department(east), PoolMember.user(manager, true)),
                List.of(rules)));
    }

    private RecordData customer(long owner, String name) {
        return records.create(owner, "customer", Map.of("name", name));
    }

    private List<Long> poolList(long reader, long poolId) {
        return finder.list(reader, "customer", RecordListRequest.of(null, "pool_id eq " + poolId, "all", null, null, 50))
                .items().stream().map(RecordData::id).toList();
    }

    @Test
    void aReturnedCustomerIsSeenByThePoolsMembersWhateverTheirScopeButChangedByNoneUntilClaimed() {
        long pool = eastPool(null, null, null, null);
        RecordData haina = customer(wang, "北京海纳科技有限公司");

        returns.returnToPool(wang, "customer", haina.id(), pool, "客户暂无预算");

        RecordData inPool = records.read(li, "customer", haina.id());
        assertThat(inPool.ownerId()).isNull();
        assertThat(poolList(li, pool)).containsExactly(haina.id());
        assertThat(poolList(zhao, pool)).containsExactly(haina.id());
        // Not a member: as if it did not exist.
        assertThatThrownBy(() -> records.read(outsider, "customer", haina.id())).isInstanceOf(NotFoundException.class);
        assertThat(poolList(outsider, pool)).isEmpty();
        assertThatThrownBy(() -> claims.claim(outsider, "customer", haina.id())).isInstanceOf(NotFoundException.class);
        // A member reads it but changes it only after claiming it.
        assertThatThrownBy(() -> records.update(li, "customer", haina.id(), inPool.version(), Map.of("address", "上海")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        List<RecordHistoryEntry> history = records.history(li, "customer", haina.id());
        assertThat(history.getFirst().action()).isEqualTo("RETURNED_TO_POOL");
        assertThat(history.getFirst().changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo(SystemRecords.REASON);
            assertThat(c.to()).isEqualTo("客户暂无预算");
        });

        claims.claim(li, "customer", haina.id());
        RecordData claimed = records.read(li, "customer", haina.id());
        assertThat(claimed.ownerId()).isEqualTo(li);
        assertThat(poolList(zhao, pool)).isEmpty();
        assertThatThrownBy(() -> records.read(zhao, "customer", haina.id())).isInstanceOf(NotFoundException.class);
        records.update(li, "customer", haina.id(), claimed.version(), Map.of("address", "上海市浦东新区"));
    }

    @Test
    void aReturnNeedsAReasonAPoolOpenToTheUserAndARecordTheyMayEdit() {
        long pool = eastPool(null, null, null, null);
        RecordData haina = customer(wang, "北京海纳科技有限公司");

        assertThatThrownBy(() -> returns.returnToPool(wang, "customer", haina.id(), pool, "  "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey).containsExactly("pool.error.reason-required"));
        assertThatThrownBy(() -> returns.returnToPool(outsider, "customer", customer(outsider, "孙氏贸易").id(), pool, "不跟了"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey).containsExactly("pool.error.pool"));
        assertThatThrownBy(() -> returns.returnToPool(li, "customer", haina.id(), pool, "不是我的"))
                .isInstanceOf(NotFoundException.class);
        assertThat(records.read(wang, "customer", haina.id()).ownerId()).isEqualTo(wang);
    }

    @Test
    void theDailyClaimLimitRefusesTheThirdClaimOfTheDayAndAllowsItTomorrow() {
        long pool = eastPool(2, null, null, null);
        List<Long> ids = List.of(customer(wang, "甲公司").id(), customer(wang, "乙公司").id(), customer(wang, "丙公司").id());
        ids.forEach(id -> returns.returnToPool(wang, "customer", id, pool, "交给同事"));

        claims.claim(li, "customer", ids.get(0));
        claims.claim(li, "customer", ids.get(1));
        assertThatThrownBy(() -> claims.claim(li, "customer", ids.get(2)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("pool.error.daily-limit"));
        assertThat(system.poolOf("customer", ids.get(2))).contains(pool);
        // Another member's limit is their own.
        claims.claim(zhao, "customer", ids.get(2));
        assertThat(records.read(zhao, "customer", ids.get(2)).ownerId()).isEqualTo(zhao);

        returns.returnToPool(zhao, "customer", ids.get(2), pool, "还给公海");
        clock.advance(Duration.ofDays(1));
        claims.claim(li, "customer", ids.get(2));
        assertThat(records.read(li, "customer", ids.get(2)).ownerId()).isEqualTo(li);
    }

    @Test
    void thePreviousOwnerIsBarredFromReclaimingUntilTheBarIsOver() {
        long pool = eastPool(null, null, 7, null);
        RecordData haina = customer(wang, "北京海纳科技有限公司");
        returns.returnToPool(wang, "customer", haina.id(), pool, "客户暂无预算");

        assertThatThrownBy(() -> claims.claim(wang, "customer", haina.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("pool.error.barred"));
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        claims.claim(wang, "customer", haina.id());
        assertThat(records.read(wang, "customer", haina.id()).ownerId()).isEqualTo(wang);
    }

    @Test
    void theCapOnOwnedRecordsStopsAClaimUntilTheUserLetsSomethingGo() {
        long pool = eastPool(null, 2, null, null);
        customer(li, "李娜的客户一");
        RecordData second = customer(li, "李娜的客户二");
        RecordData free = customer(wang, "公海客户");
        returns.returnToPool(wang, "customer", free.id(), pool, "交给同事");

        assertThatThrownBy(() -> claims.claim(li, "customer", free.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("pool.error.cap"));
        returns.returnToPool(li, "customer", second.id(), pool, "客户已转行");
        claims.claim(li, "customer", free.id());
    }

    @Test
    void twoMembersClaimingTheSameCustomerAtOnceOneGetsItTheOtherIsTold() throws Exception {
        long pool = eastPool(null, null, null, null);
        RecordData haina = customer(wang, "北京海纳科技有限公司");
        returns.returnToPool(wang, "customer", haina.id(), pool, "交给同事");

        var executor = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = executor.invokeAll(List.<Callable<String>>of(
                    () -> attempt(li, haina.id()), () -> attempt(zhao, haina.id())));
            assertThat(List.of(outcomes.get(0).get(), outcomes.get(1).get()))
                    .containsExactlyInAnyOrder("claimed", "pool.error.taken");
        } finally {
            executor.shutdown();
        }
        assertThat(records.read(manager, "customer", haina.id()).ownerId()).isIn(li, zhao);
    }

    private String attempt(long user, long id) {
        try {
            claims.claim(user, "customer", id);
            return "claimed";
        } catch (ConflictException e) {
            return e.messageKey();
        }
    }

    @Test
    void thePoolsAdministratorAssignsARecordAndTheAssigneeIsTold() {
        long pool = eastPool(null, null, null, null);
        RecordData haina = customer(wang, "北京海纳科技有限公司");
        returns.returnToPool(wang, "customer", haina.id(), pool, "交给同事");

        assertThatThrownBy(() -> claims.assign(li, "customer", haina.id(), zhao))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("pool.error.not-admin"));
        claims.assign(manager, "customer", haina.id(), zhao);

        assertThat(records.read(zhao, "customer", haina.id()).ownerId()).isEqualTo(zhao);
        assertThat(records.history(zhao, "customer", haina.id()).getFirst().action()).isEqualTo("ASSIGNED_FROM_POOL");
        assertThat(notices.of(zhao)).singleElement().satisfies(n -> {
            assertThat(n.messageKey()).isEqualTo("pool.notice.assigned");
            assertThat(n.args()).contains("北京海纳科技有限公司", "华东公海");
        });
    }

    @Test
    void theNightlyRoundReturnsCustomersUntouchedTooLongOnceWithTheRuleAsReason() {
        long pool = eastPool(null, null, null, 3, new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 30, null, true, true));
        RecordData stale = customer(wang, "久未跟进公司");
        RecordData followed = customer(wang, "常联系公司");
        RecordData won = customer(li, "已成交公司");
        RecordData locked = customer(li, "锁定公司");
        RecordData northern = customer(outsider, "华北客户");
        records.update(li, "customer", won.id(), won.version(), Map.of("deal_status", "won"));
        returns.lockAgainstReturn(manager, "customer", locked.id(), true);

        clock.advance(Duration.ofDays(28));
        system.stamp("customer", followed.id(), Map.of("last_follow_up_at", java.time.OffsetDateTime.now(clock)));
        // Day 28: two days before the return, within the warning time of three days.
        assertThat(recycler.run()).isEqualTo(new PoolRecycler.Round(0, 1));
        assertThat(notices.of(wang)).singleElement().satisfies(n -> {
            assertThat(n.messageKey()).isEqualTo("pool.notice.warning");
            assertThat(n.link()).isEqualTo("/todo");
        });
        var todo = returningTodos.listsFor(new io.haina.crm.platform.activity.TodoReader(wang, java.time.ZoneId.of("Asia/Shanghai"),
                java.time.OffsetDateTime.now(clock)));
        assertThat(todo.getFirst().items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("久未跟进公司");
            assertThat(item.noteArgs()).containsExactly("华东公海");
        });
        assertThat(recycler.run().warned()).isZero();

        clock.advance(Duration.ofDays(3));
        assertThat(recycler.run()).isEqualTo(new PoolRecycler.Round(1, 0));

        assertThat(system.poolOf("customer", stale.id())).contains(pool);
        assertThat(system.poolOf("customer", followed.id())).isEmpty();
        assertThat(system.poolOf("customer", won.id())).isEmpty();
        assertThat(system.poolOf("customer", locked.id())).isEmpty();
        assertThat(system.poolOf("customer", northern.id())).as("not a member's customer").isEmpty();
        RecordHistoryEntry entry = records.history(li, "customer", stale.id()).getFirst();
        assertThat(entry.action()).isEqualTo("RETURNED_TO_POOL");
        assertThat(entry.by()).isNull();
        assertThat(entry.changes()).anySatisfy(c -> assertThat(c.to()).isEqualTo("pool.reason.NO_FOLLOW_UP|30"));
        assertThat(notices.of(wang)).extracting(n -> n.messageKey()).contains("pool.notice.returned");

        assertThat(recycler.run()).as("a second run the same night").isEqualTo(new PoolRecycler.Round(0, 0));
        assertThat(records.history(li, "customer", stale.id()).stream().filter(h -> h.action().equals("RETURNED_TO_POOL")))
                .hasSize(1);
    }

    // ---- the rules' switches, one at a time (the nightly round with a controlled clock) ----------

    private long poolWith(PoolRule rule) {
        return eastPool(null, null, null, null, rule);
    }

    private RecordData customer(long owner, String name, Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put("name", name);
        return records.create(owner, "customer", all);
    }

    private void won(long owner, RecordData customer) {
        records.update(owner, "customer", customer.id(), records.read(owner, "customer", customer.id()).version(),
                Map.of("deal_status", "won"));
    }

    @Test
    void notWonReturnsWhatWasHeldTooLongWithoutAWinAndNeverAWonCustomerWhateverItsSwitchSays() {
        // "Spare won customers" left off: a rule about not winning still never takes back a win.
        long pool = poolWith(new PoolRule(PoolRuleKind.NOT_WON, 60, null, false, false));
        RecordData open = customer(wang, "迟迟未成交公司");
        RecordData won = customer(wang, "已成交公司");
        won(wang, won);
        clock.advance(Duration.ofDays(45));
        RecordData newer = customer(wang, "新客户");
        // A follow-up does not restart "not won": only the time held counts.
        system.stamp("customer", open.id(), Map.of("last_follow_up_at", java.time.OffsetDateTime.now(clock)));

        clock.advance(Duration.ofDays(15).plusMinutes(1));
        assertThat(recycler.run().returned()).isEqualTo(1);

        assertThat(system.poolOf("customer", open.id())).contains(pool);
        assertThat(system.poolOf("customer", won.id())).isEmpty();
        assertThat(system.poolOf("customer", newer.id())).as("held 15 days").isEmpty();
        assertThat(records.history(li, "customer", open.id()).getFirst().changes())
                .anySatisfy(c -> assertThat(c.to()).isEqualTo("pool.reason.NOT_WON|60"));
    }

    @Test
    void noNewOpportunityCountsTheTimeHeldUntilOpportunitiesExistAndANewOneRestartsIt() {
        // Opportunities do not exist yet: "last opportunity" is empty, so the time held is what
        // counts (GREATEST ignores the empty date); once opportunities stamp the date, it restarts.
        long pool = poolWith(new PoolRule(PoolRuleKind.NO_NEW_OPPORTUNITY, 30, null, true, false));
        RecordData quiet = customer(wang, "无商机公司");
        RecordData active = customer(wang, "新商机公司");
        clock.advance(Duration.ofDays(20));
        system.stamp("customer", active.id(), Map.of("last_opportunity_at", java.time.OffsetDateTime.now(clock)));

        clock.advance(Duration.ofDays(10).plusMinutes(1));
        assertThat(recycler.run().returned()).isEqualTo(1);
        assertThat(system.poolOf("customer", quiet.id())).contains(pool);
        assertThat(system.poolOf("customer", active.id())).isEmpty();

        clock.advance(Duration.ofDays(20));
        assertThat(recycler.run().returned()).isEqualTo(1);
        assertThat(system.poolOf("customer", active.id())).contains(pool);
    }

    @Test
    void aRuleForOneLevelReturnsOnlyCustomersOfThatLevel() {
        long pool = poolWith(new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 30, "c", true, true));
        RecordData levelC = customer(wang, "C级客户", Map.of("level", "c"));
        RecordData keyAccount = customer(wang, "重点客户", Map.of("level", "key"));
        RecordData noLevel = customer(wang, "未分级客户");

        clock.advance(Duration.ofDays(31));
        assertThat(recycler.run().returned()).isEqualTo(1);

        assertThat(system.poolOf("customer", levelC.id())).contains(pool);
        assertThat(system.poolOf("customer", keyAccount.id())).isEmpty();
        assertThat(system.poolOf("customer", noLevel.id())).isEmpty();
    }

    @Test
    void openOpportunitiesSpareACustomerOnlyWhereTheRuleSaysSo() {
        long sparing = poolWith(new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 30, null, true, true));
        RecordData inTalks = customer(wang, "谈判中公司");
        // As opportunities will keep it: one still open.
        system.stamp("customer", inTalks.id(), Map.of("open_opportunities", java.math.BigDecimal.ONE));
        clock.advance(Duration.ofDays(31));
        assertThat(recycler.run().returned()).isZero();
        assertThat(system.poolOf("customer", inTalks.id())).isEmpty();

        Pool pool = settings.get(admin, sparing);
        settings.update(admin, sparing, pool.version(), new PoolDraft("customer", pool.name(), pool.description(), true, null,
                null, null, false, null, pool.members(), List.of(new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 30, null, true, false))));
        assertThat(recycler.run().returned()).isEqualTo(1);
        assertThat(system.poolOf("customer", inTalks.id())).contains(sparing);
    }

    @Test
    void theCapLeavesWonCustomersOutWhenThePoolSaysSo() {
        long pool = settings.create(admin, new PoolDraft("customer", "华东公海", null, true, null, null, 2, true, null,
                List.of(PoolMember.department(east), PoolMember.user(manager, true)), List.of()));
        won(li, customer(li, "李娜的成交客户一"));
        won(li, customer(li, "李娜的成交客户二"));
        customer(li, "李娜的意向客户");
        RecordData first = customer(wang, "公海客户一");
        RecordData second = customer(wang, "公海客户二");
        returns.returnToPool(wang, "customer", first.id(), pool, "交给同事");
        returns.returnToPool(wang, "customer", second.id(), pool, "交给同事");

        // Three owned, two of them won: one counts, so one more claim fits under the cap of two.
        claims.claim(li, "customer", first.id());
        assertThatThrownBy(() -> claims.claim(li, "customer", second.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("pool.error.cap"));
    }

    @Test
    void onlyAdministratorsOfTheRecordsOwnPoolOrSystemAdministratorsLockIt() {
        eastPool(null, null, null, null, new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 30, null, true, true));
        long director = org.user("director", "钱总监", north, null, org.role("区域总监")
                .grant("customer", ScopeLevel.ALL, ObjectAction.VIEW, ObjectAction.EDIT).create());
        settings.create(admin, new PoolDraft("customer", "华北公海", null, true, null, null, null, false, null,
                List.of(PoolMember.department(north), PoolMember.user(director, true)), List.of()));
        RecordData easterns = customer(wang, "华东的客户");
        RecordData northerns = customer(outsider, "华北的客户");

        // The northern pool's administrator reads every customer but has no say over the eastern pool's.
        assertThat(actions.actionsFor(director, records.read(director, "customer", easterns.id())))
                .extracting(RecordAction::id).doesNotContain("lock");
        assertThatThrownBy(() -> returns.lockAgainstReturn(director, "customer", easterns.id(), true))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("pool.error.not-admin-any"));
        assertThat(system.isLockedAgainstReturn("customer", easterns.id())).isFalse();
        assertThat(actions.actionsFor(director, records.read(director, "customer", northerns.id())))
                .extracting(RecordAction::id).contains("lock");
        returns.lockAgainstReturn(director, "customer", northerns.id(), true);

        assertThat(actions.actionsFor(manager, records.read(manager, "customer", easterns.id())))
                .extracting(RecordAction::id).contains("lock");
        returns.lockAgainstReturn(manager, "customer", easterns.id(), true);
        assertThat(actions.actionsFor(admin, records.read(admin, "customer", easterns.id())))
                .extracting(RecordAction::id).contains("unlock");
        returns.lockAgainstReturn(admin, "customer", easterns.id(), false);
        assertThat(system.isLockedAgainstReturn("customer", easterns.id())).isFalse();
    }

    @Test
    void aCustomerGoingBackToThePoolTakesItsPreviousOwnersPlansWithIt() {
        long pool = poolWith(new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 30, null, true, true));
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        RecordData stale = customer(wang, "久未跟进公司");
        RecordData handed = customer(wang, "交给同事的公司");
        long callBack = followUps.add(wang, "customer", stale.id(), new FollowUpDraft("call", "约了下周再谈", List.of(), null,
                java.time.OffsetDateTime.now(clock).plusDays(7).toString()), zone).nextTaskId();
        long handedTask = followUps.add(wang, "customer", handed.id(), new FollowUpDraft("call", "客户要报价", List.of(), null,
                java.time.OffsetDateTime.now(clock).plusDays(2).toString()), zone).nextTaskId();
        Task managers = tasks.create(manager, new TaskDraft("检查跟进情况", null, java.time.OffsetDateTime.now(clock).plusDays(40).toString(),
                "none", null, null, "customer", String.valueOf(stale.id())), zone);

        returns.returnToPool(wang, "customer", handed.id(), pool, "交给同事");
        assertThat(tasks.find(wang, handedTask).cancelled()).isTrue();
        assertThat(records.read(li, "customer", handed.id()).get("next_follow_up_at")).isNull();

        clock.advance(Duration.ofDays(31));
        assertThat(recycler.run().returned()).isEqualTo(1);

        Task cancelled = tasks.find(wang, callBack);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.open()).isFalse();
        assertThat(cancelled.overdue(java.time.OffsetDateTime.now(clock))).isFalse();
        assertThat(tasks.openOf(wang, 10)).isEmpty();
        assertThat(tasks.involving(wang, true, 10)).extracting(Task::id).contains(callBack, handedTask);
        assertThat(tasks.dueBetween(wang, java.time.OffsetDateTime.now(clock).minusDays(60), java.time.OffsetDateTime.now(clock)))
                .as("not on the calendar").isEmpty();
        assertThatThrownBy(() -> tasks.setDone(wang, callBack, true))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("task.error.cancelled"));
        assertThat(tasks.find(manager, managers.id()).open()).as("someone else's task about it stays").isTrue();
        assertThat(records.read(li, "customer", stale.id()).get("next_follow_up_at")).isNull();
        assertThat(records.read(li, "customer", stale.id()).get("last_follow_up_at")).as("what happened stays").isNotNull();

        WebClient previousOwner = new WebClient(port);
        previousOwner.login("wang", TestOrg.PASSWORD);
        assertThat(previousOwner.get("/tasks?done=true").body()).contains("data-task-cancelled", "已取消");
        assertThat(previousOwner.get("/tasks/" + callBack).body()).contains("id=\"task-cancelled\"").doesNotContain("id=\"task-toggle\"");
        WebClient member = new WebClient(port).language("en");
        member.login("li", TestOrg.PASSWORD);
        assertThat(member.get("/o/customer/" + stale.id() + "/timeline").body()).contains("data-task-cancelled", "Cancelled");

        // Whoever claims it plans their own follow-up.
        claims.claim(li, "customer", stale.id());
        assertThat(tasks.openOf(li, 10)).isEmpty();
    }
}
