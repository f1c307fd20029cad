package io.haina.crm.platform.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.jooq.impl.DSL.table;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.assertj.core.data.TemporalUnitOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestNotices;
import io.haina.crm.testsupport.TestOrg;

/**
 * Follow-ups (C4): a salesperson writes one on a customer they may read; it moves the customer's
 * last and next follow-up times and gives the owner a reminded task for the next time; bad input
 * leaves nothing behind; only the author changes it, within a day; a manager's comment reaches
 * the author; whoever may not read the customer may neither read nor add its follow-ups.
 */
@HainaIntegrationTest
class FollowUpsIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    FollowUps followUps;
    @Autowired
    Tasks tasks;
    @Autowired
    RecordService records;
    @Autowired
    TestOrg org;
    @Autowired
    TestNotices notices;
    @Autowired
    MutableClock clock;
    @Autowired
    DSLContext db;
    @LocalServerPort
    int port;

    long manager;
    long wang;
    long li;
    RecordData customer;
    RecordData zhang;

    @BeforeEach
    void company() {
        org.admin();
        long managerRole = org.role("经理")
                .grant("customer", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW)
                .grant("contact", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW).create();
        long repRole = org.role("销售")
                .grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT)
                .grant("contact", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE)
                .grant("lead", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE).create();
        manager = org.user("zhao", "赵经理", null, null, managerRole);
        wang = org.user("wang", "王小明", null, manager, repRole);
        li = org.user("li", "李娜", null, null, repRole);
        customer = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        zhang = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(customer.id())));
    }

    @Test
    void aFollowUpStampsTheCustomerAndGivesTheOwnerATaskForTheNextTime() {
        OffsetDateTime next = now().plusDays(3).truncatedTo(ChronoUnit.MINUTES);

        FollowUp written = followUps.add(wang, "customer", customer.id(), new FollowUpDraft("visit", "上门演示了新版，客户关心价格",
                List.of(String.valueOf(zhang.id())), null, next.toString()), SHANGHAI);

        assertThat(written.kind()).isEqualTo(FollowUpKind.VISIT);
        assertThat(written.contactIds()).containsExactly(zhang.id());
        assertThat(written.at()).isCloseTo(now(), within());
        RecordData stamped = records.read(wang, "customer", customer.id());
        assertThat((OffsetDateTime) stamped.get("last_follow_up_at")).isCloseTo(now(), within());
        assertThat((OffsetDateTime) stamped.get("next_follow_up_at")).isEqualTo(next);
        assertThat(stamped.version()).as("a stamp is no user's edit").isEqualTo(customer.version());

        Task task = tasks.find(wang, written.nextTaskId());
        assertThat(task.title()).isEqualTo("跟进 北京海纳科技有限公司");
        assertThat(task.assigneeId()).isEqualTo(wang);
        assertThat(task.dueAt()).isEqualTo(next);
        assertThat(task.remindAt()).isEqualTo(next.minusMinutes(15));
        assertThat(task.recordId()).isEqualTo(customer.id());
    }

    @Test
    void anOlderFollowUpLeavesTheLastTimeAndOneWithoutANextTimeClearsIt() {
        followUps.add(wang, "customer", customer.id(), new FollowUpDraft("call", "电话沟通", List.of(), null,
                now().plusDays(1).toString()), SHANGHAI);
        OffsetDateTime last = (OffsetDateTime) records.read(wang, "customer", customer.id()).get("last_follow_up_at");

        followUps.add(wang, "customer", customer.id(), new FollowUpDraft("wechat", "补记上周的微信沟通", List.of(),
                "2026-01-05T10:00", null), SHANGHAI);

        RecordData stamped = records.read(wang, "customer", customer.id());
        assertThat(stamped.get("last_follow_up_at")).isEqualTo(last);
        assertThat(stamped.get("next_follow_up_at")).isNull();
        assertThat(followUps.of(wang, "customer", customer.id(), Timeline.Cursor.START.at(), Long.MAX_VALUE, 10))
                .extracting(FollowUp::content).containsExactly("电话沟通", "补记上周的微信沟通");
    }

    @Test
    void movingAFollowUpsTimeMovesTheLastFollowUpTimeWithIt() {
        OffsetDateTime threeDaysAgo = now().minusDays(3).truncatedTo(ChronoUnit.MINUTES);
        FollowUp latest = followUps.add(wang, "customer", customer.id(), new FollowUpDraft("call", "电话沟通", List.of(),
                threeDaysAgo.toString(), null), SHANGHAI);
        FollowUp older = followUps.add(wang, "customer", customer.id(), new FollowUpDraft("visit", "补记的拜访", List.of(),
                now().minusDays(5).toString(), null), SHANGHAI);
        assertThat(lastFollowUp()).isEqualTo(threeDaysAgo);

        OffsetDateTime yesterday = now().minusDays(1).truncatedTo(ChronoUnit.MINUTES);
        followUps.edit(wang, older.id(), new FollowUpDraft("visit", "补记的拜访", List.of(), yesterday.toString(), null), SHANGHAI);
        assertThat(lastFollowUp()).as("moved later than the latest").isEqualTo(yesterday);

        followUps.edit(wang, older.id(), new FollowUpDraft("visit", "补记的拜访", List.of(), now().minusDays(4).toString(), null), SHANGHAI);
        assertThat(lastFollowUp()).as("the latest moved back: the next latest counts").isEqualTo(threeDaysAgo);

        followUps.edit(wang, latest.id(), new FollowUpDraft("call", "电话沟通，改了措辞", List.of(), threeDaysAgo.toString(), null), SHANGHAI);
        assertThat(lastFollowUp()).isEqualTo(threeDaysAgo);
    }

    private OffsetDateTime lastFollowUp() {
        return ((OffsetDateTime) records.read(wang, "customer", customer.id()).get("last_follow_up_at"));
    }

    @Test
    void badInputIsRefusedAtItsFieldsAndLeavesNothing() {
        RecordData other = records.create(li, "customer", Map.of("name", "云帆网络"));
        RecordData hers = records.create(li, "contact", Map.of("name", "赵敏", "customer_id", String.valueOf(other.id())));

        assertThatThrownBy(() -> followUps.add(wang, "customer", customer.id(), new FollowUpDraft("fax", " ",
                List.of(String.valueOf(hers.id())), now().plusHours(2).toString(), now().minusHours(1).toString()), SHANGHAI))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::messageKey)
                        .containsExactlyInAnyOrder(
                                tuple("kind", "follow-up.error.kind-unknown"),
                                tuple("content", "validation.required"),
                                tuple("at", "follow-up.error.future"),
                                tuple("nextAt", "follow-up.error.next-past"),
                                tuple("contactIds", "follow-up.error.contact")));

        assertThat(db.fetchCount(table("follow_up"))).isZero();
        assertThat(db.fetchCount(table("task"))).isZero();
        assertThat(records.read(wang, "customer", customer.id()).get("last_follow_up_at")).isNull();
    }

    @Test
    void whoeverMayNotReadTheCustomerNeitherReadsNorAddsItsFollowUps() {
        FollowUp written = followUps.add(wang, "customer", customer.id(), new FollowUpDraft("call", "报价已发", List.of(), null, null), SHANGHAI);

        assertThatThrownBy(() -> followUps.add(li, "customer", customer.id(), new FollowUpDraft("call", "越权", List.of(), null, null), SHANGHAI))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> followUps.of(li, "customer", customer.id(), Timeline.Cursor.START.at(), Long.MAX_VALUE, 10))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> followUps.find(li, written.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> followUps.comment(li, written.id(), "看看")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.find(li, followUps.add(wang, "customer", customer.id(),
                new FollowUpDraft("call", "再约", List.of(), null, now().plusDays(1).toString()), SHANGHAI).nextTaskId()))
                .isInstanceOf(NotFoundException.class);
        // The manager above the owner reads them (by scope), and the contacts object is no way around it.
        assertThat(followUps.find(manager, written.id()).content()).isEqualTo("报价已发");
        assertThatThrownBy(() -> followUps.add(wang, "product", 1, new FollowUpDraft("call", "x", List.of(), null, null), SHANGHAI))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyTheAuthorChangesAFollowUpAndOnlyWithinADay() {
        FollowUp written = followUps.add(wang, "customer", customer.id(), new FollowUpDraft("call", "初次电话", List.of(), null, null), SHANGHAI);

        assertThatThrownBy(() -> followUps.delete(manager, written.id())).isInstanceOf(AccessDeniedException.class);
        FollowUp edited = followUps.edit(wang, written.id(), new FollowUpDraft("meeting", "初次会议", List.of(), null, null), SHANGHAI);
        assertThat(edited.kind()).isEqualTo(FollowUpKind.MEETING);
        assertThat(edited.content()).isEqualTo("初次会议");

        clock.advance(Duration.ofHours(25));
        assertThatThrownBy(() -> followUps.edit(wang, written.id(), new FollowUpDraft("call", "改写历史", List.of(), null, null), SHANGHAI))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> followUps.delete(wang, written.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(followUps.find(wang, written.id()).content()).isEqualTo("初次会议");
    }

    @Test
    void aManagersCommentReachesTheAuthor() {
        FollowUp written = followUps.add(wang, "customer", customer.id(), new FollowUpDraft("visit", "拜访了采购部", List.of(), null, null), SHANGHAI);

        followUps.comment(manager, written.id(), "下次带上技术同事，问清预算");
        followUps.comment(wang, written.id(), "好的");

        assertThat(followUps.commentsOf(List.of(written)).get(written.id())).extracting(FollowUpComment::body)
                .containsExactly("下次带上技术同事，问清预算", "好的");
        assertThat(notices.of(wang)).hasSize(1);
        assertThat(notices.of(wang).getFirst().link()).isEqualTo("/o/customer/" + customer.id() + "#follow-up-" + written.id());
        assertThat(notices.of(manager)).isEmpty();
        assertThatThrownBy(() -> followUps.comment(manager, written.id(), "  ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aLeadTakesFollowUpsToo() {
        RecordData lead = records.create(wang, "lead", Map.of("name", "陈静", "company", "杭州云帆"));

        followUps.add(wang, "lead", lead.id(), new FollowUpDraft("email", "发送了产品资料", List.of(), null, null), SHANGHAI);

        assertThat(records.read(wang, "lead", lead.id()).get("last_follow_up_at")).isNotNull();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static TemporalUnitOffset within() {
        return Assertions.within(1, ChronoUnit.SECONDS);
    }
}
