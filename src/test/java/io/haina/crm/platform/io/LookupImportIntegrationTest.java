package io.haina.crm.platform.io;

import static io.haina.crm.platform.io.ImportFixtures.awaitIdle;
import static io.haina.crm.platform.io.ImportFixtures.csvWithBom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.haina.crm.platform.customize.ObjectCustomization;
import io.haina.crm.platform.metadata.CustomFieldKind;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * A lookup column in an import names its target by id or by exact name, among the records the
 * importer may see; a name nobody (visible) has, or several have, is a bad row that says so.
 */
@HainaIntegrationTest
class LookupImportIntegrationTest {

    @Autowired
    TestOrg org;
    @Autowired
    Imports imports;
    @Autowired
    RecordService records;
    @Autowired
    RecordFinder finder;
    @Autowired
    ObjectCustomization customization;

    long wang;
    long li;
    String replacement;

    @BeforeEach
    void company() {
        long admin = org.admin();
        long role = org.role("产品专员").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.IMPORT).create();
        wang = org.user("wang", "王小明", null, null, role);
        li = org.user("li", "李华", null, null, role);
        replacement = customization.addCustomField(admin, "product", "替代产品", "Replacement product",
                CustomFieldKind.LOOKUP, List.of(), "product");
    }

    @Test
    void aLookupColumnTakesAnIdOrAnExactNameAndRefusesWhatItCannotTellApart() {
        long server = product(wang, "海纳服务器 X1");
        long printer = product(wang, "海纳打印机 P2");
        product(wang, "标准版");
        product(wang, "标准版");
        long colleagues = product(li, "李华的样机");

        ImportJob uploaded = imports.upload(wang, "product", "替代.csv", csvWithBom("产品名称,替代产品",
                "海纳服务器 X2,海纳服务器 x1",
                "海纳打印机 P3," + printer,
                "新品 A,标准版",
                "新品 B,李华的样机",
                "新品 C," + colleagues,
                "新品 D,"), Locale.SIMPLIFIED_CHINESE, ZoneId.of("Asia/Shanghai"));
        assertThat(uploaded.mapping()).containsExactly("name", replacement);
        imports.run(wang, "product", uploaded.id());
        ImportJob done = awaitIdle(imports, wang, uploaded.id());

        assertThat(done.created()).as(done.toString()).isEqualTo(3);
        assertThat(named("海纳服务器 X2").get(replacement)).as("by name, case aside").isEqualTo(server);
        assertThat(named("海纳打印机 P3").get(replacement)).as("by id").isEqualTo(printer);
        assertThat(named("新品 D").get(replacement)).isNull();
        assertThat(imports.problems(wang, "product", done.id())).extracting(ImportProblem::row, ImportProblem::message)
                .containsExactly(
                        tuple(4, "替代产品：有多条记录名为“标准版”，无法确定是哪一条；请改填记录编号（记录网址末尾的数字）。"),
                        tuple(5, "替代产品：找不到名称或编号为“李华的样机”的记录（或您无权查看）。"),
                        tuple(6, "替代产品：找不到名称或编号为“" + colleagues + "”的记录（或您无权查看）。"));
    }

    private long product(long owner, String name) {
        return records.create(owner, "product", Map.of("name", name)).id();
    }

    private RecordData named(String name) {
        List<RecordData> found = finder.matching(wang, "product", Map.of("name", name), 2);
        assertThat(found).as(name).hasSize(1);
        return found.getFirst();
    }
}
