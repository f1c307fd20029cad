package io.haina.crm.sales.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.activity.FollowUpDraft;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.activity.TodoInbox;
import io.haina.crm.platform.activity.TodoList;
import io.haina.crm.platform.activity.TodoReader;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordHistoryEntry;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * A lead becomes a customer and a contact (L6): fields carried over by the mapping, a customer it
 * repeats offered first and attached to when chosen, the lead marked converted with its links,
 * and nothing converted twice or by hand.
 */
@HainaIntegrationTest
class LeadConversionIntegrationTest {

    @Autowired
    LeadConversion conversion;
    @Autowired
    RecordService records;
    @Autowired
    TestOrg org;
    @Autowired
    FollowUps followUps;
    @Autowired
    TodoInbox inbox;
    @Autowired
    MutableClock clock;
    @Autowired
    io.haina.crm.platform.activity.Tasks tasks;
    @LocalServerPort
    int port;

    long wang;
    long li;

    @BeforeEach
    void reps() {
        org.admin();
        long rep = org.role("销售代表").worksOwn("lead", "customer", "contact").create();
        wang = org.user("wang", "王小明", null, null, rep);
        li = org.user("li", "李娜", null, null, rep);
    }

    private RecordData lead(long owner, String company) {
        return records.create(owner, "lead", Map.of("name", "陈静", "company", company, "title", "采购经理",
                "mobile", "13912345678", "email", "chen.jing@haina.example", "industry", "it", "source", "exhibition",
                "region", "上海市/浦东新区"));
    }

    @Test
    void openTasksAboutTheLeadAreCarriedOverToTheCustomerAndDoneOnesStay() {
        RecordData lead = lead(wang, "北京海纳科技有限公司");
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        String tomorrow = java.time.OffsetDateTime.now(clock).plusDays(1).toString();
        var quote = tasks.create(wang, new io.haina.crm.platform.activity.TaskDraft("发报价单", null, tomorrow, null, null, null,
                "lead", String.valueOf(lead.id())), shanghai);
        var call = tasks.create(wang, new io.haina.crm.platform.activity.TaskDraft("首次电话", null, tomorrow, null, null, null,
                "lead", String.valueOf(lead.id())), shanghai);
        tasks.setDone(wang, call.id(), true);

        LeadConverted done = conversion.convert(wang, lead.id(), null, true);

        assertThat(tasks.find(wang, quote.id())).satisfies(task -> {
            assertThat(task.objectCode()).isEqualTo("customer");
            assertThat(task.recordId()).isEqualTo(done.customerId());
        });
        assertThat(tasks.find(wang, call.id())).satisfies(task -> {
            assertThat(task.objectCode()).as("a done task stays in the lead's history").isEqualTo("lead");
            assertThat(task.recordId()).isEqualTo(lead.id());
        });
    }

    @Test
    void aLeadBecomesACustomerAndAContactWithItsFieldsAndIsMarkedConverted() {
        RecordData lead = lead(wang, "北京海纳科技有限公司");

        LeadConverted done = conversion.convert(wang, lead.id(), null, true);

        RecordData customer = records.read(wang, "customer", done.customerId());
        assertThat(customer.values()).containsEntry("name", "北京海纳科技有限公司").containsEntry("industry", "it")
                .containsEntry("source", "exhibition").containsEntry("email", "chen.jing@haina.example");
        assertThat(customer.ownerId()).isEqualTo(wang);
        RecordData contact = records.read(wang, "contact", done.contactId());
        assertThat(contact.values()).containsEntry("name", "陈静").containsEntry("title", "采购经理")
                .containsEntry("mobile", "13912345678").containsEntry("customer_id", done.customerId())
                .containsEntry("is_primary", true);
        RecordData converted = records.read(wang, "lead", lead.id());
        assertThat(converted.values()).containsEntry("status", "converted")
                .containsEntry("converted_customer_id", done.customerId()).containsEntry("converted_contact_id", done.contactId());
        assertThat(converted.get("converted_at")).isNotNull();

        assertThatThrownBy(() -> conversion.convert(wang, lead.id(), null, true))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("lead.convert.already"));
    }

    @Test
    void aLeadFromACompanyAlreadyACustomerIsOfferedItAndAttachedToIt() {
        RecordData existing = records.create(wang, "customer", Map.of("name", "（北京）海纳科技有限公司"));
        RecordData lead = lead(wang, "北京海纳科技");

        var preview = conversion.preview(wang, lead.id());
        assertThat(preview.possibleDuplicates()).extracting(d -> d.record().id()).containsExactly(existing.id());

        LeadConverted done = conversion.convert(wang, lead.id(), existing.id(), true);
        assertThat(done.customerId()).isEqualTo(existing.id());
        assertThat(done.newCustomer()).isFalse();
        // The customer had no contact yet: its first one is its primary contact.
        assertThat(records.read(wang, "contact", done.contactId()).values()).containsEntry("customer_id", existing.id())
                .containsEntry("is_primary", true);
    }

    @Test
    void nobodyConvertsALeadTheyCannotChangeOrIntoACustomerTheyCannotSee() {
        RecordData lead = lead(wang, "北京海纳科技有限公司");
        RecordData colleagues = records.create(li, "customer", Map.of("name", "上海云帆网络有限公司"));

        assertThatThrownBy(() -> conversion.convert(li, lead.id(), null, true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> conversion.convert(wang, lead.id(), colleagues.id(), true)).isInstanceOf(NotFoundException.class);
        assertThat(records.read(wang, "lead", lead.id()).get("status")).isEqualTo("new");
    }

    @Test
    void aLeadWithoutACompanyNeedsOneAndConvertedIsNoStatusToTypeIn() {
        RecordData lead = records.create(wang, "lead", Map.of("name", "陈静", "mobile", "13912345678"));
        assertThatThrownBy(() -> conversion.convert(wang, lead.id(), null, true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey).containsExactly("lead.convert.company-required"));
        assertThatThrownBy(() -> records.update(wang, "lead", lead.id(), lead.version(), Map.of("status", "converted")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theConvertPageShowsWhatWillBeCreatedAndConvertsOnSubmit() {
        RecordData lead = lead(wang, "北京海纳科技有限公司");
        WebClient rep = new WebClient(port);
        rep.login("wang", TestOrg.PASSWORD);
        assertThat(rep.open("/o/lead/" + lead.id()).body()).contains("/leads/" + lead.id() + "/convert");
        String page = rep.open("/leads/" + lead.id() + "/convert").body();
        assertThat(page).contains("北京海纳科技有限公司").contains("IT / 互联网").contains("陈静").contains("采购经理");
        var converted = rep.post("/leads/" + lead.id() + "/convert", Map.of("customer", "new", "withContact", "true"));
        assertThat(converted.statusCode()).isEqualTo(302);
        String location = converted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/o/customer/\\d+$");
        String customerPage = rep.open(location.replaceFirst("^https?://[^/]+", "")).body();
        assertThat(customerPage).contains("线索已转化").contains("北京海纳科技有限公司");
    }

    @Test
    void bothHistoriesSayWhoConvertedTheLeadWhenAndIntoWhichCustomer() {
        RecordData lead = lead(wang, "北京海纳科技有限公司");
        RecordData existing = records.create(wang, "customer", Map.of("name", "上海云帆网络有限公司"));
        RecordData other = lead(wang, "上海云帆");

        LeadConverted done = conversion.convert(wang, lead.id(), null, true);
        conversion.convert(wang, other.id(), existing.id(), false);

        RecordHistoryEntry leadEntry = records.history(wang, "lead", lead.id()).getFirst();
        assertThat(leadEntry.action()).isEqualTo("CONVERTED");
        assertThat(leadEntry.by()).isEqualTo(wang);
        assertThat(leadEntry.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("status");
            assertThat(c.from()).isEqualTo("new");
            assertThat(c.to()).isEqualTo("converted");
        }).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("converted_customer_id");
            assertThat(String.valueOf(c.to())).isEqualTo(String.valueOf(done.customerId()));
        });
        assertThat(records.read(wang, "lead", lead.id()).version()).as("a change of the lead's, not a stamp").isGreaterThan(lead.version());
        RecordHistoryEntry customerEntry = records.history(wang, "customer", done.customerId()).getFirst();
        assertThat(customerEntry.action()).isEqualTo("CONVERTED_FROM_LEAD");
        assertThat(customerEntry.by()).isEqualTo(wang);
        assertThat(customerEntry.changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(SystemRecords.REASON);
            assertThat(c.to()).isEqualTo("lead.reason.became-customer|陈静");
        });
        assertThat(records.history(wang, "customer", existing.id()).getFirst().changes()).singleElement()
                .satisfies(c -> assertThat(c.to()).isEqualTo("lead.reason.joined-customer|陈静"));

        WebClient chinese = new WebClient(port);
        chinese.login("wang", TestOrg.PASSWORD);
        assertThat(historyTab(chinese.open("/o/lead/" + lead.id()).body()))
                .contains("王小明 · 已转化", "转化后的客户", "北京海纳科技有限公司", "新线索");
        assertThat(chinese.get("/o/lead/" + lead.id() + "/timeline").body()).contains("已转化", "北京海纳科技有限公司");
        assertThat(historyTab(chinese.open("/o/customer/" + done.customerId()).body())).contains("线索转化", "由线索“陈静”转化而来");
        assertThat(chinese.get("/o/customer/" + existing.id() + "/timeline").body()).contains("线索“陈静”已转化并入此客户");

        WebClient english = new WebClient(port).language("en");
        english.login("wang", TestOrg.PASSWORD);
        assertThat(historyTab(english.open("/o/lead/" + lead.id()).body()))
                .contains("王小明 · Converted", "Converted to customer", "北京海纳科技有限公司");
        assertThat(english.get("/o/lead/" + lead.id() + "/timeline").body()).contains("Converted", "北京海纳科技有限公司");
        assertThat(historyTab(english.open("/o/customer/" + done.customerId()).body())).contains("Lead converted", "Created from lead “陈静”");
        assertThat(english.get("/o/customer/" + existing.id() + "/timeline").body()).contains("Lead “陈静” converted into this customer");
    }

    private static String historyTab(String page) {
        int start = page.indexOf("id=\"record-history\"");
        assertThat(start).as("the history tab").isPositive();
        return page.substring(start, page.indexOf("</ul>", start));
    }

    @Test
    void aConvertedLeadIsNoLongerDueForAFollowUp() {
        RecordData lead = lead(wang, "北京海纳科技有限公司");
        followUps.add(wang, "lead", lead.id(), new FollowUpDraft("call", "约了回电", java.util.List.of(), null,
                java.time.OffsetDateTime.now(clock).plusHours(1).toString()), java.time.ZoneId.of("Asia/Shanghai"));
        clock.advance(java.time.Duration.ofHours(2));
        assertThat(dueLeads()).containsExactly("陈静");

        conversion.convert(wang, lead.id(), null, false);

        assertThat(records.read(wang, "lead", lead.id()).get("next_follow_up_at")).isNull();
        assertThat(records.read(wang, "lead", lead.id()).get("last_follow_up_at")).as("what happened stays").isNotNull();
        assertThat(dueLeads()).isEmpty();
    }

    private java.util.List<String> dueLeads() {
        TodoList due = inbox.listsFor(new TodoReader(wang, java.time.ZoneId.of("Asia/Shanghai"), java.time.OffsetDateTime.now(clock)))
                .stream().filter(l -> l.key().equals("follow-ups-due")).findFirst().orElseThrow();
        return due.items().stream().map(i -> i.title()).toList();
    }
}
