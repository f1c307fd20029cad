package io.haina.crm.platform.io;

import static io.haina.crm.platform.io.ImportFixtures.awaitIdle;
import static io.haina.crm.platform.io.ImportFixtures.csv;
import static io.haina.crm.platform.io.ImportFixtures.csvWithBom;
import static io.haina.crm.platform.io.ImportFixtures.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * Imports of products through the import service and its background job, on real files: CSV in
 * UTF-8 with a BOM and in GBK, XLSX; dry run, bad rows, duplicates, undo; files that cannot be
 * imported.
 */
@HainaIntegrationTest
class ImportIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String HEADER = "产品名称,产品编码,产品分类,单位,标准价格,上架";

    @Autowired
    TestOrg org;
    @Autowired
    Imports imports;
    @Autowired
    RecordService records;
    @Autowired
    RecordFinder finder;
    @Autowired
    DSLContext db;
    @Autowired
    MessageSource messageSource;

    long repId;
    long colleagueId;

    @BeforeEach
    void company() {
        org.admin();
        long sales = org.department("销售部", null);
        long role = org.role("产品专员").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT, ObjectAction.DELETE, ObjectAction.IMPORT, ObjectAction.EXPORT).create();
        repId = org.user("wang", "王小明", sales, null, role);
        colleagueId = org.user("li", "李华", sales, null, role);
    }

    @Test
    void aUtf8CsvWithBomIsMappedByChineseLabelsAndImportedAsTheImporter() {
        ImportJob uploaded = upload("产品.csv", csvWithBom(HEADER,
                "海纳服务器 X1,SRV-X1,硬件,台,\"¥12,999.5\",是",
                "年度维保,SVC-AMC,Service,年,9600,否"));

        assertThat(uploaded.state()).isEqualTo(ImportState.UPLOADED);
        assertThat(uploaded.totalRows()).isEqualTo(2);
        assertThat(uploaded.mapping()).containsExactly("name", "code", "category", "unit", "list_price", "active");
        assertThat(uploaded.matchFields()).as("a unique field in the file is the match key").containsExactly("code");

        ImportJob done = run(uploaded);

        assertThat(done.state()).isEqualTo(ImportState.DONE);
        assertThat(done.created()).isEqualTo(2);
        assertThat(done.failed()).isZero();
        RecordData server = only("SRV-X1");
        assertThat(server.ownerId()).isEqualTo(repId);
        assertThat(server.get("name")).isEqualTo("海纳服务器 X1");
        assertThat(server.get("category")).isEqualTo("hardware");
        assertThat((BigDecimal) server.get("list_price")).isEqualByComparingTo("12999.50");
        assertThat(only("SVC-AMC").get("category")).as("an English option label").isEqualTo("service");
        assertThat(only("SVC-AMC").get("active")).isEqualTo(false);
    }

    @Test
    void aGbkCsvFromChineseExcelIsReadAsChinese() {
        byte[] gbk = csv(Charset.forName("GBK"), "产品名称,单位,标准价格", "网络交换机 24 口千兆,台,3280");
        assertThat(new String(gbk, StandardCharsets.UTF_8)).as("not valid UTF-8").contains("\uFFFD");

        ImportJob done = run(upload("交换机.csv", gbk));

        assertThat(done.created()).isEqualTo(1);
        RecordData product = finder.list(repId, "product", RecordListRequest.firstPage()).items().getFirst();
        assertThat(product.get("name")).isEqualTo("网络交换机 24 口千兆");
        assertThat(product.get("unit")).isEqualTo("台");
    }

    @Test
    void anXlsxWithEnglishTitlesAndNumberCellsIsImported() {
        byte[] file = xlsx(List.of(
                List.of("Product name", "Product code", "List price", "Cost", "Notes"),
                List.of("Rack Mount Kit 2U", "ACC-RMK2", new BigDecimal("450"), new BigDecimal("120.5"), "ignored"),
                List.of("UPS 3kVA", "PWR-UPS3", 6800, 5100, "")));

        ImportJob uploaded = upload("products.xlsx", file);
        assertThat(uploaded.mapping()).as("an unknown column is ignored")
                .containsExactly("name", "code", "list_price", "cost", null);
        ImportJob done = run(uploaded);

        assertThat(done.created()).isEqualTo(2);
        assertThat((BigDecimal) only("ACC-RMK2").get("cost")).isEqualByComparingTo("120.50");
        assertThat((BigDecimal) only("PWR-UPS3").get("list_price")).isEqualByComparingTo("6800");
    }

    @Test
    void aDryRunWritesNothingAndListsEachBadRowWithItsNumberAndReason() {
        ImportJob uploaded = upload("产品.csv", csvWithBom(HEADER,
                "服务器,SRV-X1,硬件,台,12999,是",
                "打印机,PRN-P2,硬件,台,一万,是",
                ",EMPTY-1,软件,套,100,是",
                "另一台服务器,srv-x1,硬件,台,1,是",
                "网线,NET-C1,配件,根,5,是"));
        // Create anyway: the repeated code is then refused by the engine, as the run would refuse it.
        imports.configure(repId, "product", uploaded.id(), uploaded.mapping(), DuplicatePolicy.CREATE, List.of());

        ImportJob checked = check(uploaded);

        assertThat(checked.state()).isEqualTo(ImportState.CHECKED);
        assertThat(checked.created()).isEqualTo(1);
        assertThat(checked.failed()).isEqualTo(4);
        assertThat(imports.problems(repId, "product", uploaded.id())).extracting(ImportProblem::row, ImportProblem::message)
                .containsExactly(
                        tuple(3, "标准价格：请输入数字。"),
                        tuple(4, "产品名称：必填。"),
                        tuple(5, "产品编码：“srv-x1”已被其他记录使用。"),
                        tuple(6, "产品分类：“配件”不是可选的值。"));
        assertThat(db.fetchCount(db.selectFrom("product"))).as("a dry run keeps nothing").isZero();
        assertThat(db.fetchCount(db.selectFrom("record_history"))).isZero();
        assertThat(db.fetchCount(db.selectFrom("import_row"))).isZero();
    }

    @Test
    void aRunLeavesBadRowsOutAndTheErrorReportHasThemWithTheirReason() throws IOException {
        ImportJob done = run(upload("产品.csv", csvWithBom(HEADER,
                "服务器,SRV-X1,硬件,台,12999,是",
                "打印机,PRN-P2,硬件,台,一万,是",
                "=HYPERLINK(\"http://evil\"),EVIL-1,硬件,台,1,是")));

        assertThat(done.created()).isEqualTo(2);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(finder.list(repId, "product", RecordListRequest.firstPage()).total()).isEqualTo(2);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.writeErrorReport(repId, "product", done.id(), new Messages(messageSource, Locale.SIMPLIFIED_CHINESE), out);
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> report = CSVFormat.DEFAULT.parse(new StringReader(new String(bytes, 3, bytes.length - 3,
                StandardCharsets.UTF_8))).getRecords();
        assertThat(report).hasSize(2);
        assertThat(report.get(0).toList()).containsExactly("产品名称", "产品编码", "产品分类", "单位", "标准价格", "上架", "行号", "问题");
        assertThat(report.get(1).toList()).containsExactly("打印机", "PRN-P2", "硬件", "台", "一万", "是", "3", "标准价格：请输入数字。");
    }

    @Test
    void repeatedRowsAreSkippedUpdatedOrCreatedAsChosen() {
        long existing = records.create(repId, "product", Map.of("name", "服务器", "code", "SRV-X1", "unit", "台",
                "list_price", "100")).id();
        byte[] file = csvWithBom("产品编码,产品名称,单位,标准价格", "srv-x1,服务器,,200");

        ImportJob skipped = run(upload("a.csv", file));
        assertThat(skipped.skipped()).isEqualTo(1);
        assertThat((BigDecimal) records.read(repId, "product", existing).get("list_price")).isEqualByComparingTo("100");

        ImportJob updated = upload("b.csv", file);
        imports.configure(repId, "product", updated.id(), updated.mapping(), DuplicatePolicy.UPDATE, List.of("code"));
        assertThat(run(updated).updated()).isEqualTo(1);
        RecordData after = records.read(repId, "product", existing);
        assertThat((BigDecimal) after.get("list_price")).isEqualByComparingTo("200");
        assertThat(after.get("unit")).as("a blank cell leaves the field as it was").isEqualTo("台");

        ImportJob created = upload("c.csv", csvWithBom("产品名称,标准价格", "服务器,300"));
        imports.configure(repId, "product", created.id(), created.mapping(), DuplicatePolicy.CREATE, List.of());
        assertThat(run(created).created()).isEqualTo(1);
        assertThat(finder.list(repId, "product", new RecordListRequest("服务器", null, null, null, null, 10)).total()).isEqualTo(2);
    }

    @Test
    void aRowMatchingOnlyAColleaguesRecordIsNotAMatch() {
        records.create(colleagueId, "product", Map.of("name", "李华的样机"));
        ImportJob done = run(upload("a.csv", csvWithBom("产品名称,单位", "李华的样机,台")));

        assertThat(done.created()).as("the colleague's record is out of the importer's scope").isEqualTo(1);
        assertThat(records.read(colleagueId, "product",
                finder.list(colleagueId, "product", RecordListRequest.firstPage()).items().getFirst().id()).get("unit"))
                .isNull();
    }

    @Test
    void undoDeletesWhatTheImportCreatedAndRestoresWhatItChangedUnlessChangedSince() {
        long a = records.create(repId, "product", Map.of("name", "A", "code", "A1", "list_price", "100")).id();
        long b = records.create(repId, "product", Map.of("name", "B", "code", "B1", "list_price", "100")).id();
        ImportJob uploaded = upload("u.csv", csvWithBom("产品编码,产品名称,标准价格", "A1,A,150", "B1,B,160", "C1,C,170"));
        imports.configure(repId, "product", uploaded.id(), uploaded.mapping(), DuplicatePolicy.UPDATE, List.of("code"));
        ImportJob done = run(uploaded);
        assertThat(List.of(done.created(), done.updated())).containsExactly(1, 2);
        RecordData bAfterImport = records.read(repId, "product", b);
        records.update(repId, "product", b, bAfterImport.version(), Map.of("unit", "台"));

        imports.undo(repId, "product", done.id());
        ImportJob undone = awaitIdle(imports, repId, done.id());

        assertThat(undone.state()).isEqualTo(ImportState.UNDONE);
        assertThat(undone.undone()).isEqualTo(2);
        assertThat((BigDecimal) records.read(repId, "product", a).get("list_price")).isEqualByComparingTo("100");
        assertThat((BigDecimal) records.read(repId, "product", b).get("list_price")).as("changed since: left alone")
                .isEqualByComparingTo("160");
        assertThat(finder.list(repId, "product", new RecordListRequest("C1", null, null, null, null, 10)).total()).isZero();
        assertThat(imports.problems(repId, "product", done.id())).extracting(ImportProblem::row, ImportProblem::message)
                .containsExactly(tuple(3, "“B”在导入后又被修改过，因此保持现状，未恢复。"));
    }

    @Test
    void filesThatCannotBeImportedAreRefusedWithAReason() {
        assertRefused("empty.csv", new byte[0], "import.error.empty-file");
        assertRefused("header.csv", csvWithBom(HEADER), "import.error.no-rows");
        assertRefused("quotes.csv", csvWithBom(HEADER, "\"服务器,SRV,硬件,台,1,是", "打印机,PRN,硬件,台,1,是"),
                "import.error.malformed-csv");
        assertRefused("renamed.xlsx", csvWithBom(HEADER, "服务器,SRV,硬件,台,1,是"), "import.error.not-xlsx");
        assertRefused("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "import.error.old-excel");
        assertRefused("photo.png", new byte[] {1, 2, 3}, "import.error.unsupported-file");
        // Other files renamed to .csv: a picture (its header, then binary) and noise, which GB18030 would decode.
        byte[] picture = new byte[2048];
        new java.util.Random(7).nextBytes(picture);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'}, 0, picture, 0, 16);
        assertRefused("photo.csv", picture, "import.error.not-csv");
        byte[] noise = new byte[200];
        new java.util.Random(11).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = noise[i] == 0 ? 1 : noise[i]; // not even a NUL to give it away
        }
        assertRefused("noise.csv", noise, "import.error.not-csv");
        StringBuilder many = new StringBuilder("产品名称\r\n");
        for (int i = 0; i <= 100_000; i++) {
            many.append("产品").append(i).append("\r\n");
        }
        assertRefused("many.csv", many.toString().getBytes(StandardCharsets.UTF_8), "import.error.too-many-rows");
        assertThat(db.fetchCount(db.selectFrom("import_job"))).isZero();
    }

    @Test
    void aMappingWithoutTheRequiredNameOrWithAFieldTwiceCannotStart() {
        ImportJob uploaded = upload("u.csv", csvWithBom("产品名称,单位,规格", "服务器,台,2U"));

        assertThatThrownBy(() -> imports.configure(repId, "product", uploaded.id(), Arrays.asList(null, "unit", "unit"),
                DuplicatePolicy.CREATE, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey)
                        .containsExactlyInAnyOrder("import.error.mapped-twice", "import.error.required-not-mapped"));
        assertThat(imports.get(repId, "product", uploaded.id()).mapping()).containsExactly("name", "unit", null);
    }

    private void assertRefused(String fileName, byte[] content, String messageKey) {
        assertThatThrownBy(() -> upload(fileName, content)).as(fileName)
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo(messageKey));
    }

    private ImportJob upload(String fileName, byte[] content) {
        return imports.upload(repId, "product", fileName, content, Locale.SIMPLIFIED_CHINESE, SHANGHAI);
    }

    private ImportJob run(ImportJob job) {
        imports.run(repId, "product", job.id());
        return awaitIdle(imports, repId, job.id());
    }

    private ImportJob check(ImportJob job) {
        imports.check(repId, "product", job.id());
        return awaitIdle(imports, repId, job.id());
    }

    private RecordData only(String code) {
        List<RecordData> found = finder.matching(repId, "product", Map.of("code", code), 2);
        assertThat(found).as(code).hasSize(1);
        return found.getFirst();
    }
}
