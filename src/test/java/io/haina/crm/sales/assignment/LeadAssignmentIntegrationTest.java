package io.haina.crm.sales.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.haina.crm.marketing.webform.TestWebForms;
import io.haina.crm.marketing.webform.WebForm;
import io.haina.crm.platform.activity.FollowUpDraft;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.io.Imports;
import io.haina.crm.platform.notify.MailPartsAccess;
import io.haina.crm.platform.notify.inbox.StoredNotice;
import io.haina.crm.platform.records.BulkChanges;
import io.haina.crm.platform.records.EntryChannel;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordHistoryEntry;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.sales.pool.PoolClaims;
import io.haina.crm.sales.pool.PoolDraft;
import io.haina.crm.sales.pool.PoolMember;
import io.haina.crm.sales.pool.PoolSettings;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestMailServer;
import io.haina.crm.testsupport.TestNotices;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

import jakarta.mail.internet.MimeMessage;

/**
 * Lead assignment end to end on the real database: rules applied to new leads from a web form,
 * the API and (when asked) the lead form; round-robin, least loaded and pool targets; the new
 * owner told in the app and by e-mail, whoever changed the owner; the first-follow-up escalation
 * with a controlled clock; round-robin under concurrent leads.
 */
@HainaIntegrationTest
class LeadAssignmentIntegrationTest {

    @RegisterExtension
    final TestMailServer mail = new TestMailServer();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestOrg org;
    @Autowired
    AssignmentRules rules;
    @Autowired
    LeadAssignmentRepository assignments;
    @Autowired
    FirstFollowUpEscalation escalation;
    @Autowired
    RecordService records;
    @Autowired
    SystemRecords system;
    @Autowired
    BulkChanges bulk;
    @Autowired
    FollowUps followUps;
    @Autowired
    PoolSettings poolSettings;
    @Autowired
    PoolClaims claims;
    @Autowired
    TestNotices notices;
    @Autowired
    MutableClock clock;

    long admin;
    long center;
    long east;
    long manager;
    long wang;
    long li;
    long zhao;
    long marketer;
    long rep;

    @BeforeEach
    void salesTeam() {
        admin = org.admin();
        center = org.department("销售中心", null);
        east = org.department("华东销售部", center);
        long marketing = org.department("市场部", null);
        rep = org.role("销售代表").worksOwn("lead", "customer").create();
        long managerRole = org.role("销售经理").grant("lead", ScopeLevel.DEPARTMENT_AND_CHILDREN, ObjectAction.VIEW,
                ObjectAction.CREATE, ObjectAction.EDIT, ObjectAction.TRANSFER).create();
        manager = org.user("zhang", "张经理", center, null, managerRole);
        wang = org.user("wang", "王小明", east, manager, rep);
        li = org.user("li", "李娜", east, manager, rep);
        zhao = org.user("zhao", "赵强", east, manager, rep);
        marketer = org.user("zhou", "周市场", marketing, null, rep);
    }

    private AssignmentRule rule(String name, LeadConditions conditions, AssignmentRule.Target target) {
        return rules.create(admin, new AssignmentRuleDraft(name, true, conditions, target, null, null, null));
    }

    private static LeadConditions regionsAndSources(List<String> regions, List<String> sources) {
        return new LeadConditions(regions, List.of(), List.of(), sources, List.of());
    }

    /** A lead posted to the API by the caller: no owner named, so the rules may hand it on. */
    private RecordData apiLead(long caller, String name, Map<String, String> fields) {
        Map<String, String> input = new java.util.HashMap<>(fields);
        input.put("name", name);
        return records.create(caller, "lead", input, EntryChannel.API);
    }

    private Long ownerOf(long leadId) {
        return system.read("lead", leadId).orElseThrow().ownerId();
    }

    private List<StoredNotice> noticesOf(long user, String kind) {
        return notices.of(user).stream().filter(n -> n.kind().equals(kind)).toList();
    }

    @Test
    void webFormLeadsFromEastChinaGoToTheDepartmentInTurnAndEachNewOwnerIsToldInTheAppAndByEmail() {
        rule("华东官网线索", regionsAndSources(List.of("华东"), List.of("website")), AssignmentRule.Target.roundRobin(east));
        WebForm form = TestWebForms.create(context, admin, "官网咨询", "website", marketer);
        WebClient visitor = new WebClient(port);

        List<Long> leads = new ArrayList<>();
        for (String[] post : List.of(new String[] {"张伟", "上海市 浦东新区"}, new String[] {"刘洋", "江苏省/苏州市"},
                new String[] {"陈静", "浙江 杭州"})) {
            HttpResponse<String> posted = visitor.post("/f/" + form.publicKey(), Map.of("name", post[0],
                    "company", post[0] + "的公司", "mobile", "1380013800" + leads.size(), "region", post[1]));
            assertThat(posted.statusCode()).isEqualTo(302);
            leads.add(lastLeadNamed(post[0]));
        }

        assertThat(leads.stream().map(this::ownerOf).toList()).containsExactly(wang, li, zhao);
        for (int i = 0; i < 3; i++) {
            long lead = leads.get(i);
            long owner = List.of(wang, li, zhao).get(i);
            assertThat(noticesOf(owner, "LEAD_ASSIGNED")).singleElement().satisfies(n -> {
                assertThat(n.messageKey()).isEqualTo("lead.notice.assigned-automatically");
                assertThat(n.link()).isEqualTo("/o/lead/" + lead);
            });
            RecordHistoryEntry assigned = records.history(owner, "lead", lead).getFirst();
            assertThat(assigned.action()).isEqualTo("ASSIGNED_BY_RULE");
            assertThat(assigned.changes()).anySatisfy(c -> {
                assertThat(c.field()).isEqualTo(SystemRecords.REASON);
                assertThat(c.to()).isEqualTo("assignment.reason.rule|华东官网线索");
            });
            assertThat(assignments.find(lead).orElseThrow().channel()).isEqualTo("WEB_FORM");
        }
        // The form's owner created them and is told of none.
        assertThat(noticesOf(marketer, "LEAD_ASSIGNED")).isEmpty();

        Map<String, MimeMessage> mails = mail.await(3, Duration.ofSeconds(20)).stream()
                .collect(Collectors.toMap(LeadAssignmentIntegrationTest::recipient, Function.identity()));
        assertThat(mails.keySet()).containsExactlyInAnyOrder("wang@example.com", "li@example.com", "zhao@example.com");
        assertThat(MailPartsAccess.subject(mails.get("li@example.com"))).contains("刘洋").contains("分配");
    }

    @Test
    void aWebFormLeadNoRuleTakesStaysWithTheFormsOwnerAndNobodyIsTold() {
        rule("华东官网线索", regionsAndSources(List.of("华东"), List.of("website")), AssignmentRule.Target.roundRobin(east));
        WebForm form = TestWebForms.create(context, admin, "官网咨询", "website", marketer);

        new WebClient(port).post("/f/" + form.publicKey(), Map.of("name", "孙丽", "company", "北京海纳科技有限公司",
                "mobile", "13900139000", "region", "北京市 海淀区"));

        long lead = lastLeadNamed("孙丽");
        assertThat(ownerOf(lead)).isEqualTo(marketer);
        assertThat(assignments.find(lead)).isEmpty();
        assertThat(notices.of(wang)).isEmpty();
        assertThat(notices.of(marketer)).isEmpty();
    }

    @Test
    void onlyLeadsFromTheChosenWebFormMeetARuleLimitedToIt() {
        WebForm fair = TestWebForms.create(context, admin, "展会登记", "exhibition", marketer);
        TestWebForms.create(context, admin, "官网咨询", "website", marketer);
        rules.create(admin, new AssignmentRuleDraft("展会表单", true, new LeadConditions(List.of(), List.of(), List.of(),
                List.of(), List.of(fair.id())), AssignmentRule.Target.user(zhao), null, null, null));

        apiLead(marketer, "不经表单", Map.of("source", "exhibition"));
        new WebClient(port).post("/f/" + fair.publicKey(), Map.of("name", "展会访客", "company", "海纳", "mobile", "13900139001"));

        assertThat(ownerOf(lastLeadNamed("不经表单"))).isEqualTo(marketer);
        assertThat(ownerOf(lastLeadNamed("展会访客"))).isEqualTo(zhao);
    }

    @Test
    void importedLeadsAreAssignedWhileTheImportsDryRunAssignsNothing() throws Exception {
        long importer = org.user("qian", "钱导入", null, null, org.role("市场专员").grant("lead", ScopeLevel.SELF,
                ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.IMPORT).create());
        rule("展会名片", regionsAndSources(List.of(), List.of("exhibition")), AssignmentRule.Target.roundRobin(east));
        Imports imports = context.getBean(Imports.class);
        byte[] file = String.join("\n", "姓名,公司,地区,线索来源", "张伟,上海云帆,上海,展会", "刘洋,苏州精工,江苏 苏州,展会",
                "陈静,杭州数智,浙江,展会").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long job = imports.upload(importer, "lead", "展会名片.csv", file, java.util.Locale.SIMPLIFIED_CHINESE,
                java.time.ZoneId.of("Asia/Shanghai")).id();

        imports.check(importer, "lead", job);
        awaitIdle(imports, importer, job);
        assertThat(context.getBean(DSLContext.class).fetchCount(DSL.table("lead_assignment"))).isZero();

        imports.run(importer, "lead", job);
        awaitIdle(imports, importer, job);
        assertThat(List.of(lastLeadNamed("张伟"), lastLeadNamed("刘洋"), lastLeadNamed("陈静")).stream().map(this::ownerOf)
                .toList()).containsExactly(wang, li, zhao);
        assertThat(assignments.find(lastLeadNamed("张伟")).orElseThrow().channel()).isEqualTo("IMPORT");
    }

    private static void awaitIdle(Imports imports, long actorId, long job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (imports.get(actorId, "lead", job).state().busy()) {
            assertThat(System.nanoTime()).as("import still busy after 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void leastLoadedGivesTheLeadToWhoeverHasFewestOpenLeadsTiesInTurn() {
        // 王: two open leads; 李: one open, and three that are no load (converted or invalid); 赵: one open.
        for (String name : List.of("王的线索一", "王的线索二")) {
            records.create(wang, "lead", Map.of("name", name));
        }
        records.create(li, "lead", Map.of("name", "李的线索"));
        for (String name : List.of("李的无效线索一", "李的无效线索二")) {
            records.create(li, "lead", Map.of("name", name, "status", "invalid"));
        }
        system.stamp("lead", records.create(li, "lead", Map.of("name", "李的已转化线索")).id(), Map.of("status", "converted"));
        records.create(zhao, "lead", Map.of("name", "赵的线索"));
        rule("负载均衡", LeadConditions.ANY, AssignmentRule.Target.leastLoaded(east));

        long first = apiLead(marketer, "新线索一", Map.of()).id();
        long second = apiLead(marketer, "新线索二", Map.of()).id();
        long third = apiLead(marketer, "新线索三", Map.of()).id();

        // 李 and 赵 tie at one: 李 comes first; then 赵 has fewest; then all have two and 王 is next in turn.
        assertThat(List.of(ownerOf(first), ownerOf(second), ownerOf(third))).containsExactly(li, zhao, wang);
        assertThat(assignments.find(first).orElseThrow().channel()).isEqualTo("API");
    }

    @Test
    void aPoolTargetPutsTheLeadInThePoolForItsMembersWithoutAnOwner() {
        long pool = poolSettings.create(admin, new PoolDraft("lead", "华东线索池", null, true, null, null, null, false,
                null, List.of(PoolMember.department(east), PoolMember.user(manager, true)), List.of()));
        rule("进公海", regionsAndSources(List.of(), List.of("purchased_list")), AssignmentRule.Target.pool(pool));

        RecordData lead = apiLead(marketer, "名单线索", Map.of("source", "purchased_list"));

        assertThat(ownerOf(lead.id())).isNull();
        assertThat(system.poolOf("lead", lead.id())).contains(pool);
        assertThat(records.history(li, "lead", lead.id()).getFirst().action()).isEqualTo("PUT_IN_POOL_BY_RULE");
        assertThat(notices.of(marketer)).isEmpty();
        // Its creator never held it: nothing bars them from claiming it, like any member.
        assertThat(assignments.find(lead.id()).orElseThrow().ownerId()).isNull();
        claims.claim(li, "lead", lead.id());
        assertThat(ownerOf(lead.id())).isEqualTo(li);
        assertThat(notices.of(li)).isEmpty();
    }

    @Test
    void leadsTypedInByHandAreAssignedOnlyWhenTheSettingSaysSo() {
        rule("全部线索", LeadConditions.ANY, AssignmentRule.Target.user(zhao));

        RecordData kept = records.create(wang, "lead", Map.of("name", "手工录入一"));
        assertThat(ownerOf(kept.id())).isEqualTo(wang);

        rules.setAppliesToHandEntered(admin, true);
        RecordData handedOn = records.create(wang, "lead", Map.of("name", "手工录入二"));
        assertThat(ownerOf(handedOn.id())).isEqualTo(zhao);
        assertThat(assignments.find(handedOn.id()).orElseThrow().channel()).isEqualTo("BY_HAND");
        // A lead a rule assigned is never assigned again, whoever asks.
        assertThat(context.getBean(LeadAssigner.class).assign(handedOn.id(), EntryChannel.API, null)).isEmpty();
        assertThat(records.history(zhao, "lead", handedOn.id())).filteredOn(e -> e.action().equals("ASSIGNED_BY_RULE")).hasSize(1);
    }

    @Test
    void aRuleWhoseUserLeftIsPassedOverForTheNextRuleThatMatches() {
        rule("给赵强", LeadConditions.ANY, AssignmentRule.Target.user(zhao));
        rule("给李娜", LeadConditions.ANY, AssignmentRule.Target.user(li));
        context.getBean(io.haina.crm.platform.security.org.UserAdminService.class)
                .changeStatus(admin, zhao, io.haina.crm.platform.security.org.UserStatus.DISABLED);

        assertThat(ownerOf(apiLead(marketer, "顺延", Map.of()).id())).isEqualTo(li);
    }

    @Test
    void theDeadlineRemindsTheOwnerThenTellsTheManagerThenHandsTheLeadOnEachStepOnceAndOnTheTimeline() {
        rules.create(admin, new AssignmentRuleDraft("24小时跟进", true, LeadConditions.ANY,
                AssignmentRule.Target.roundRobin(east), 24, EndAction.REASSIGN, null));
        long lead = apiLead(marketer, "待跟进线索", Map.of()).id();
        assertThat(ownerOf(lead)).isEqualTo(wang);

        clock.advance(Duration.ofHours(23));
        escalation.run();
        assertThat(noticesOf(wang, "LEAD_FOLLOW_UP_OVERDUE")).isEmpty();

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        escalation.run();
        escalation.run();
        assertThat(noticesOf(wang, "LEAD_FOLLOW_UP_OVERDUE")).singleElement()
                .satisfies(n -> assertThat(n.args()).containsExactly("待跟进线索", "24"));
        assertThat(records.history(wang, "lead", lead).getFirst().action()).isEqualTo("FIRST_FOLLOW_UP_REMINDED");
        assertThat(noticesOf(manager, "LEAD_FOLLOW_UP_ESCALATED")).isEmpty();

        clock.advance(Duration.ofHours(24));
        escalation.run();
        escalation.run();
        assertThat(noticesOf(manager, "LEAD_FOLLOW_UP_ESCALATED")).singleElement()
                .satisfies(n -> assertThat(n.args()).containsExactly("待跟进线索", "48", "王小明"));
        assertThat(ownerOf(lead)).isEqualTo(wang);

        clock.advance(Duration.ofHours(24));
        escalation.run();
        escalation.run();
        assertThat(ownerOf(lead)).isEqualTo(li);
        assertThat(noticesOf(li, "LEAD_ASSIGNED")).singleElement()
                .satisfies(n -> assertThat(n.messageKey()).isEqualTo("lead.notice.assigned-automatically"));
        RecordHistoryEntry handedOn = records.history(li, "lead", lead).getFirst();
        assertThat(handedOn.action()).isEqualTo("REASSIGNED_BY_RULE");
        assertThat(handedOn.changes()).anySatisfy(c -> assertThat(c.to()).isEqualTo("assignment.reason.handed-on|72|24小时跟进"));
        assertThat(assignments.find(lead).orElseThrow().stage()).isEqualTo(LeadAssignment.Stage.HANDED_ON);

        // The end is the end: nothing more for the new owner, however long it waits.
        clock.advance(Duration.ofDays(30));
        assertThat(escalation.run()).isZero();
        assertThat(records.history(li, "lead", lead).stream().map(RecordHistoryEntry::action).toList())
                .containsExactly("REASSIGNED_BY_RULE", "FIRST_FOLLOW_UP_ESCALATED", "FIRST_FOLLOW_UP_REMINDED",
                        "ASSIGNED_BY_RULE", "CREATED");
    }

    @Test
    void aFollowUpEndsTheEscalation() {
        rules.create(admin, new AssignmentRuleDraft("8小时跟进", true, LeadConditions.ANY,
                AssignmentRule.Target.roundRobin(east), 8, EndAction.REASSIGN, null));
        long lead = apiLead(marketer, "会跟进的线索", Map.of()).id();
        clock.advance(Duration.ofHours(9));
        escalation.run();
        assertThat(noticesOf(wang, "LEAD_FOLLOW_UP_OVERDUE")).hasSize(1);

        followUps.add(wang, "lead", lead, new FollowUpDraft("call", "电话沟通了需求，下周上门演示", List.of(), null, null),
                java.time.ZoneId.of("Asia/Shanghai"));
        clock.advance(Duration.ofHours(30));
        escalation.run();

        assertThat(noticesOf(manager, "LEAD_FOLLOW_UP_ESCALATED")).isEmpty();
        assertThat(ownerOf(lead)).isEqualTo(wang);
        assertThat(assignments.find(lead).orElseThrow().stage()).isEqualTo(LeadAssignment.Stage.FOLLOWED_UP);
        assertThat(assignments.find(lead).orElseThrow().dueAt()).isNull();
    }

    @Test
    void theLastStepMaySendTheLeadToAPoolBarringItsOwnerFromReclaimingItAtOnce() {
        long pool = poolSettings.create(admin, new PoolDraft("lead", "华东线索池", null, true, null, null, null, false,
                30, List.of(PoolMember.department(east), PoolMember.user(manager, true)), List.of()));
        rules.create(admin, new AssignmentRuleDraft("给王小明", true, LeadConditions.ANY, AssignmentRule.Target.user(wang), 4,
                EndAction.RETURN_TO_POOL, pool));
        long lead = apiLead(marketer, "没人管的线索", Map.of()).id();

        for (int step = 0; step < 3; step++) {
            clock.advance(Duration.ofHours(4).plusMinutes(1));
            escalation.run();
        }

        assertThat(ownerOf(lead)).isNull();
        assertThat(system.poolOf("lead", lead)).contains(pool);
        assertThat(assignments.find(lead).orElseThrow().stage()).isEqualTo(LeadAssignment.Stage.RETURNED);
        assertThatThrownBy(() -> claims.claim(wang, "lead", lead))
                .isInstanceOfSatisfying(io.haina.crm.platform.web.ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("pool.error.barred"));
        claims.claim(li, "lead", lead);
    }

    @Test
    void twentyLeadsAtOnceAreSpreadEvenlyInTurn() throws Exception {
        long sun = org.user("sun", "孙一", east, manager, rep);
        rule("轮流", LeadConditions.ANY, AssignmentRule.Target.roundRobin(east));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> posts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "并发线索" + i;
                posts.add(() -> apiLead(marketer, name, Map.of()).id());
            }
            List<Long> leads = new ArrayList<>();
            for (Future<Long> done : threads.invokeAll(posts)) {
                leads.add(done.get());
            }
            Map<Long, Long> perOwner = leads.stream().collect(Collectors.groupingBy(this::ownerOf, Collectors.counting()));
            assertThat(perOwner).containsOnlyKeys(wang, li, zhao, sun).allSatisfy((owner, count) -> assertThat(count).isEqualTo(5));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void everyNewOwnerIsToldOnceWhateverChangedTheOwnerButNotOfWhatTheyDidThemselves() {
        List<Long> leads = new ArrayList<>();
        for (String name : List.of("批量一", "批量二", "批量三")) {
            leads.add(records.create(wang, "lead", Map.of("name", name)).id());
        }
        long single = records.create(wang, "lead", Map.of("name", "单独转交")).id();

        bulk.transfer(manager, "lead", leads, li);
        records.transfer(manager, "lead", single, zhao);
        records.transfer(manager, "lead", single, manager);

        assertThat(noticesOf(li, "LEAD_ASSIGNED")).singleElement().satisfies(n -> {
            assertThat(n.messageKey()).isEqualTo("lead.notice.assigned-many");
            assertThat(n.args()).containsExactly("3", "张经理");
            assertThat(n.link()).isEqualTo("/o/lead");
        });
        assertThat(noticesOf(zhao, "LEAD_ASSIGNED")).singleElement().satisfies(n -> {
            assertThat(n.messageKey()).isEqualTo("lead.notice.assigned");
            assertThat(n.args()).containsExactly("单独转交", "张经理");
            assertThat(n.link()).isEqualTo("/o/lead/" + single);
        });
        assertThat(noticesOf(manager, "LEAD_ASSIGNED")).isEmpty();
        assertThat(mail.await(2, Duration.ofSeconds(20))).extracting(LeadAssignmentIntegrationTest::recipient)
                .containsExactlyInAnyOrder("li@example.com", "zhao@example.com");
    }

    @Test
    void administratorsAloneKeepTheRulesAndBadInputIsRefusedWholeWithNothingSaved() {
        assertThatThrownBy(() -> rules.all(manager)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> rules.create(manager, new AssignmentRuleDraft("越权", true, LeadConditions.ANY,
                AssignmentRule.Target.user(wang), null, null, null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        assertThatThrownBy(() -> rules.create(admin, new AssignmentRuleDraft(" ", true,
                new LeadConditions(List.of("华东"), List.of("no-such-industry"), List.of(), List.of(), List.of(999L)),
                AssignmentRule.Target.pool(999), 24, EndAction.REASSIGN, null)))
                .isInstanceOfSatisfying(io.haina.crm.platform.web.InvalidInputException.class, e -> assertThat(
                        e.problems().stream().map(p -> p.field() + ":" + p.messageKey()).toList()).containsExactlyInAnyOrder(
                        "name:validation.required", "industries:assignment.error.option",
                        "webFormIds:assignment.error.web-form", "targetPoolId:assignment.error.target-pool",
                        "followUpHours:assignment.error.deadline-pool", "endAction:assignment.error.reassign-department"));
        assertThat(rules.all(admin)).isEmpty();

        AssignmentRule first = rule("第一条", LeadConditions.ANY, AssignmentRule.Target.user(wang));
        AssignmentRule second = rule("第二条", LeadConditions.ANY, AssignmentRule.Target.user(li));
        assertThatThrownBy(() -> rule("第一条", LeadConditions.ANY, AssignmentRule.Target.user(li)))
                .isInstanceOf(io.haina.crm.platform.web.InvalidInputException.class);
        rules.move(admin, second.id(), true);
        assertThat(rules.all(admin)).extracting(AssignmentRule::name).containsExactly("第二条", "第一条");
        assertThat(ownerOf(apiLead(marketer, "按新顺序", Map.of()).id())).isEqualTo(li);
        assertThatThrownBy(() -> rules.update(admin, first.id(), first.version() + 5, new AssignmentRuleDraft("第一条", false,
                LeadConditions.ANY, AssignmentRule.Target.user(wang), null, null, null)))
                .isInstanceOf(io.haina.crm.platform.web.ConflictException.class);
    }

    private long lastLeadNamed(String name) {
        return context.getBean(DSLContext.class)
                .fetchValue("select id from lead where name = ? order by id desc limit 1", name) instanceof Long id ? id : -1;
    }

    private static String recipient(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
                    .findFirst().orElseThrow();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
