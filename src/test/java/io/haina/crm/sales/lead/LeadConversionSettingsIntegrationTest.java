package io.haina.crm.sales.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * An administrator decides which lead field fills each customer and contact field (L6): only
 * fields that can take the value are offered, required ones must be filled, the conversion
 * follows the saved mapping, and nobody else may change it.
 */
@HainaIntegrationTest
class LeadConversionSettingsIntegrationTest {

    @Autowired
    LeadConversionSettings settings;
    @Autowired
    LeadConversion conversion;
    @Autowired
    RecordService records;
    @Autowired
    TestOrg org;
    @LocalServerPort
    int port;

    long admin;
    long wang;

    @BeforeEach
    void company() {
        admin = org.admin();
        long rep = org.role("销售代表").worksOwn("lead", "customer", "contact").create();
        wang = org.user("wang", "王小明", null, null, rep);
    }

    @Test
    void theConversionFollowsTheMappingAnAdministratorSaved() {
        Map<String, Map<String, String>> mapping = current();
        mapping.get("customer").put("description", "title");
        mapping.get("contact").put("title", "");
        settings.save(admin, mapping);

        RecordData lead = records.create(wang, "lead", Map.of("name", "陈静", "company", "杭州远景物流有限公司",
                "title", "采购经理", "mobile", "13912345678"));
        LeadConverted done = conversion.convert(wang, lead.id(), null, true);

        assertThat(records.read(wang, "customer", done.customerId()).get("description")).isEqualTo("采购经理");
        assertThat(records.read(wang, "contact", done.contactId()).get("title")).isNull();
        assertThat(settings.rows(admin).get("customer")).filteredOn(row -> row.target().name().equals("description"))
                .extracting(LeadConversionSettings.Row::leadField).containsExactly("title");
    }

    @Test
    void onlyFittingLeadFieldsAreOfferedAndAnUnfitOrMissingChoiceSavesNothing() {
        List<LeadConversionSettings.Row> customer = settings.rows(admin).get("customer");
        LeadConversionSettings.Row industry = customer.stream().filter(r -> r.target().name().equals("industry")).findFirst().orElseThrow();
        assertThat(industry.choices()).extracting(f -> f.name()).contains("industry").doesNotContain("name", "company");
        assertThat(customer).extracting(r -> r.target().name()).doesNotContain("owner_id", "open_opportunities");

        Map<String, Map<String, String>> mapping = current();
        mapping.get("customer").put("industry", "company");
        mapping.get("customer").put("name", "");
        mapping.get("contact").put("title", "");
        assertThatThrownBy(() -> settings.save(admin, mapping))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::messageKey)
                        .containsExactlyInAnyOrder(tuple("customer.name", "lead.mapping.error.required"),
                                tuple("customer.industry", "lead.mapping.error.unfit")));
        assertThat(settings.rows(admin).get("contact")).filteredOn(row -> row.target().name().equals("title"))
                .extracting(LeadConversionSettings.Row::leadField).containsExactly("title");
    }

    @Test
    void theMappingPageIsTheAdministratorsAlone() {
        assertThatThrownBy(() -> settings.rows(wang)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> settings.save(wang, current())).isInstanceOf(AccessDeniedException.class);
        WebClient rep = new WebClient(port);
        rep.login("wang", TestOrg.PASSWORD);
        assertThat(rep.open("/admin/lead-conversion").statusCode()).isEqualTo(403);

        WebClient administrator = new WebClient(port);
        administrator.login(TestOrg.ADMIN, TestOrg.PASSWORD);
        String page = administrator.open("/admin/lead-conversion").body();
        assertThat(page).contains("线索转化字段映射").contains("id=\"customer.name\"").contains("id=\"contact.wechat\"");
        Map<String, String> form = new LinkedHashMap<>();
        current().forEach((target, fields) -> fields.forEach((field, lead) -> form.put(target + "." + field, lead == null ? "" : lead)));
        form.put("customer.name", "");
        var refused = administrator.post("/admin/lead-conversion", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("此字段必填，请选择一个线索字段");
        form.put("customer.name", "company");
        form.put("customer.description", "title");
        assertThat(administrator.post("/admin/lead-conversion", form).statusCode()).isEqualTo(302);
        assertThat(settings.rows(admin).get("customer")).filteredOn(row -> row.target().name().equals("description"))
                .extracting(LeadConversionSettings.Row::leadField).containsExactly("title");
    }

    /** The mapping as it stands, as editable maps. */
    private Map<String, Map<String, String>> current() {
        Map<String, Map<String, String>> mapping = new LinkedHashMap<>();
        settings.rows(admin).forEach((target, rows) -> {
            Map<String, String> fields = new LinkedHashMap<>();
            rows.forEach(row -> fields.put(row.target().name(), row.leadField()));
            mapping.put(target, fields);
        });
        return mapping;
    }
}
