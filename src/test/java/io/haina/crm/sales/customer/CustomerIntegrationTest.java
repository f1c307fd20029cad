package io.haina.crm.sales.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.records.DuplicateCandidate;
import io.haina.crm.platform.records.PossibleDuplicate;
import io.haina.crm.platform.records.PossibleDuplicates;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * Customers, contacts and leads on the record engine: the company-name duplicate check across
 * spellings, within what the user may see; contacts tied to a customer they may see; a lead found
 * by its company in the quick search.
 */
@HainaIntegrationTest
class CustomerIntegrationTest {

    @Autowired
    RecordService records;
    @Autowired
    RecordFinder finder;
    @Autowired
    PossibleDuplicates duplicates;
    @Autowired
    TestOrg org;
    @LocalServerPort
    int port;

    long wang;
    long li;

    @BeforeEach
    void company() {
        org.admin();
        long repRole = org.role("销售代表").worksOwn("lead", "customer", "contact").create();
        wang = org.user("wang", "王小明", null, null, repRole);
        li = org.user("li", "李娜", null, null, repRole);
    }

    @Test
    void spellingsOfOneCompanyAreFlaggedAsPossibleDuplicatesForWhoeverMaySeeThem() {
        RecordData haina = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        records.create(wang, "customer", Map.of("name", "北京海川科技有限公司"));

        for (String spelling : new String[] {"北京海纳科技", "（北京）海纳科技有限公司", "海纳科技(北京)有限公司", " 北京 海纳科技股份有限公司 "}) {
            assertThat(duplicates.find(wang, "customer", Map.of("name", spelling), null))
                    .as(spelling).extracting(d -> d.record().id()).containsExactly(haina.id());
        }
        PossibleDuplicate found = duplicates.find(wang, "customer", Map.of("name", "北京海纳科技"), null).getFirst();
        assertThat(found.reasons()).extracting(DuplicateCandidate::reasonKey).containsExactly(DuplicateCandidate.SAME_KEY);
        // A colleague outside the scope is not told the company exists.
        assertThat(duplicates.find(li, "customer", Map.of("name", "北京海纳科技"), null)).isEmpty();
        // Editing the record itself is no duplicate of itself; a renamed record gets its new key.
        assertThat(duplicates.find(wang, "customer", Map.of("name", "北京海纳科技"), haina.id())).isEmpty();
        records.update(wang, "customer", haina.id(), haina.version(), Map.of("name", "上海云帆网络有限公司"));
        assertThat(duplicates.find(wang, "customer", Map.of("name", "北京海纳科技"), null)).isEmpty();
        assertThat(duplicates.find(wang, "customer", Map.of("name", "云帆网络"), null)).hasSize(1);
    }

    @Test
    void theDuplicatesApiSpeaksTheSameKey() {
        records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        WebClient client = new WebClient(port).language("en");
        String token = client.apiToken("wang", TestOrg.PASSWORD);

        var answer = client.json("POST", "/api/v1/objects/customer/duplicates", "{\"name\":\"（北京）海纳科技有限公司\"}", token);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("北京海纳科技有限公司").contains("the same name spelled differently");
    }

    @Test
    void aContactBelongsToACustomerItsCreatorMaySee() {
        RecordData mine = records.create(wang, "customer", Map.of("name", "海纳科技"));
        RecordData hers = records.create(li, "customer", Map.of("name", "云帆网络"));

        RecordData zhang = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", String.valueOf(mine.id()),
                "mobile", "138 0013 8000", "decision_role", "decision_maker"));
        assertThat(zhang.get("customer_id")).isEqualTo(mine.id());

        assertThatThrownBy(() -> records.create(wang, "contact", Map.of("name", "赵敏", "customer_id", String.valueOf(hers.id()))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> records.create(wang, "contact", Map.of("name", "无主")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(finder.list(wang, "contact", RecordListRequest.of(null, "customer_id eq " + mine.id(), null, null, null, 20))
                .items()).extracting(r -> r.get("name")).containsExactly("张伟");
    }

    @Test
    void aLeadIsFoundByItsCompanyAndStartsNew() {
        RecordData lead = records.create(wang, "lead", Map.of("name", "陈静", "company", "杭州云帆网络科技有限公司",
                "mobile", "13900139000", "source", "exhibition"));
        assertThat(lead.get("status")).isEqualTo("new");

        assertThat(finder.list(wang, "lead", RecordListRequest.of("云帆网络", null, null, null, null, 20)).items())
                .extracting(RecordData::id).containsExactly(lead.id());
        assertThat(finder.list(li, "lead", RecordListRequest.of("云帆网络", null, null, null, null, 20)).items()).isEmpty();
    }

    @Test
    void aCustomerHasExactlyOnePrimaryContact() {
        long admin = org.adminId();
        RecordData customer = records.create(wang, "customer", Map.of("name", "海纳科技"));
        String customerId = String.valueOf(customer.id());

        RecordData zhang = records.create(wang, "contact", Map.of("name", "张伟", "customer_id", customerId));
        assertThat(zhang.get("is_primary")).as("the first contact becomes the primary one").isEqualTo(true);
        RecordData zhao = records.create(wang, "contact", Map.of("name", "赵敏", "customer_id", customerId));
        assertThat(zhao.get("is_primary")).isEqualTo(false);

        records.update(wang, "contact", zhao.id(), zhao.version(), Map.of("is_primary", "true"));
        assertThat(primaryOf(customer.id())).containsExactly("赵敏");
        RecordData demoted = records.read(wang, "contact", zhang.id());
        assertThat(demoted.version()).as("an open edit of the old primary is now stale").isGreaterThan(zhang.version());
        assertThat(records.history(wang, "contact", zhang.id()).getFirst().changes())
                .anySatisfy(change -> assertThat(change.field()).isEqualTo("is_primary"));

        RecordData current = records.read(wang, "contact", zhao.id());
        assertThatThrownBy(() -> records.update(wang, "contact", zhao.id(), current.version(), Map.of("is_primary", "false")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey).containsExactly("contact.primary.keep"));

        records.delete(admin, "contact", zhao.id());
        assertThat(primaryOf(customer.id())).as("the earliest remaining contact takes over").containsExactly("张伟");
        records.restore(admin, "contact", zhao.id());
        assertThat(primaryOf(customer.id())).as("a restore leaves one primary").containsExactly("张伟");
    }

    @Test
    void aLeadIsCheckedForDuplicatesByCompanyNameAndEveryNumber() {
        RecordData lead = records.create(wang, "lead", Map.of("name", "陈静", "company", "北京海纳科技有限公司",
                "phone", "010-6288 1234"));

        assertThat(duplicates.find(wang, "lead", Map.of("company", "（北京）海纳科技"), null))
                .extracting(d -> d.record().id()).containsExactly(lead.id());
        assertThat(duplicates.find(wang, "lead", Map.of("phone", "010-62881234"), null))
                .extracting(d -> d.record().id()).containsExactly(lead.id());
        assertThat(duplicates.find(li, "lead", Map.of("company", "北京海纳科技"), null)).isEmpty();
    }

    private java.util.List<Object> primaryOf(long customerId) {
        return finder.list(wang, "contact", RecordListRequest.of(null, "customer_id eq " + customerId + " and is_primary eq true",
                null, null, null, 20)).items().stream().map(r -> r.get("name")).toList();
    }
}
