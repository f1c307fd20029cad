package io.haina.crm.platform.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/** Exports of the product list as a salesperson and an API client get them: content, order, scope, grants. */
@HainaIntegrationTest
class ExportIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    RecordService records;
    @Autowired
    DSLContext db;

    long repId;
    long colleagueId;
    WebClient rep;

    @BeforeEach
    void company() {
        org.admin();
        long sales = org.department("销售部", null);
        long exporter = org.role("产品专员").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EXPORT).create();
        long viewer = org.role("只读").grant("product", ScopeLevel.ALL, ObjectAction.VIEW).create();
        repId = org.user("wang", "王小明", sales, null, exporter);
        colleagueId = org.user("li", "李华", sales, null, exporter);
        org.user("zhao", "赵只读", sales, null, viewer);
        rep = new WebClient(port);
        rep.login("wang", TestOrg.PASSWORD);
    }

    @Test
    void aCsvExportHasTheListsRecordsInItsOrderWithLabelsAndGuardedFormulas() throws IOException {
        product(repId, "海纳服务器 X1", "SRV-X1", "hardware", "12999.5");
        product(repId, "=HYPERLINK(\"http://evil.example\",\"点我\")", "EVIL-1", "other", "1");
        product(repId, "海纳打印机 P2", "PRN-P2", "hardware", "1999");
        product(colleagueId, "李华的样机", "DEMO-LH", "hardware", "1");

        HttpResponse<byte[]> response = rep.download("/o/product/export?format=csv&sort=-list_price&filter=name%20notempty&scene=mine", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".csv");
        byte[] bytes = response.body();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark for Excel").containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(new String(bytes, 3, bytes.length - 3,
                StandardCharsets.UTF_8))).getRecords();
        assertThat(rows.getFirst().toList()).containsExactly("产品名称", "产品编码", "产品分类", "单位", "标准价格", "成本", "上架", "产品描述");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).as("dearest first, the colleague's never")
                .containsExactly("海纳服务器 X1", "海纳打印机 P2", "'=HYPERLINK(\"http://evil.example\",\"点我\")");
        assertThat(rows.get(1).toList()).containsExactly("海纳服务器 X1", "SRV-X1", "硬件", "", "¥12,999.50", "", "是", "");
        assertThat(db.select(DSL.field("row_count"), DSL.field("file_format"), DSL.field("request", String.class))
                .from("export_log").fetchOne().intoArray()).as("the export is logged with its request")
                .containsExactly(3, "CSV", "{\"q\": null, \"sort\": \"-list_price\", \"scene\": \"mine\", \"filter\": \"name notempty\"}");
    }

    @Test
    void anXlsxExportOfASearchHasAmountsAsNumbersAndGuardedText() throws IOException {
        product(repId, "海纳服务器 X1", "SRV-X1", "hardware", "12999.5");
        product(repId, "-1+1 服务器", "SRV-EVIL", "other", "7");
        product(repId, "海纳打印机 P2", "PRN-P2", "hardware", "1999");

        rep.language("en");
        HttpResponse<byte[]> response = rep.download("/o/product/export?format=xlsx&q=SRV&sort=name", null);

        assertThat(response.statusCode()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(0)).as("the reader's language").isEqualTo("Product name");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("'-1+1 服务器");
            assertThat(rows.get(2).getCellText(0)).isEqualTo("海纳服务器 X1");
            assertThat(rows.get(2).getCellAsNumber(4)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("12999.5"));
        }
    }

    @Test
    void aNarrowScopeExportsOnlyWhatTheUserMaySee() {
        product(repId, "王的产品", "W-1", "hardware", "1");
        product(colleagueId, "李的产品", "L-1", "hardware", "1");
        WebClient colleague = new WebClient(port);
        colleague.login("li", TestOrg.PASSWORD);

        String mine = new String(rep.download("/o/product/export?format=csv", null).body(), StandardCharsets.UTF_8);
        String theirs = new String(colleague.download("/o/product/export?format=csv", null).body(), StandardCharsets.UTF_8);

        assertThat(mine).contains("王的产品").doesNotContain("李的产品");
        assertThat(theirs).contains("李的产品").doesNotContain("王的产品");
    }

    @Test
    void withoutTheExportOrImportGrantTheButtonsAreMissingAndTheAddressesRefuse() {
        WebClient viewer = new WebClient(port);
        viewer.login("zhao", TestOrg.PASSWORD);

        assertThat(viewer.get("/o/product").body()).doesNotContain("record-export").doesNotContain("record-import");
        assertThat(viewer.download("/o/product/export?format=csv", null).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/o/product/imports/new").statusCode()).isEqualTo(403);
        assertThat(rep.get("/o/product").body()).as("the rep may export but not import")
                .contains("record-export").doesNotContain("record-import");
        assertThat(rep.get("/o/product/imports/new").statusCode()).isEqualTo(403);
        String token = new WebClient(port).json("POST", "/api/v1/auth/login",
                "{\"username\":\"zhao\",\"password\":\"" + TestOrg.PASSWORD + "\"}", null).body()
                .replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(viewer.download("/api/v1/objects/product/export?format=csv", token).statusCode()).isEqualTo(403);
        HttpResponse<String> refused = viewer.upload("/api/v1/objects/product/imports", Map.of(), "a.csv",
                "产品名称\r\n服务器\r\n".getBytes(StandardCharsets.UTF_8), token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(db.fetchCount(db.selectFrom("export_log"))).isZero();
    }

    @Test
    void anUnknownSortIsAnErrorNotHalfAFile() {
        HttpResponse<byte[]> response = rep.download("/o/product/export?format=csv&sort=secret", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("secret");
    }

    private void product(long owner, String name, String code, String category, String price) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("code", code);
        input.put("category", category);
        input.put("list_price", price);
        records.create(owner, "product", input);
    }
}
