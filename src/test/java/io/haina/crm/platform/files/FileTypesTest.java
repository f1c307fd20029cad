package io.haina.crm.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.haina.crm.testsupport.TestFiles;

/** What an upload is, by its bytes first: names are made safe, programs and pages refused, types read from content. */
class FileTypesTest {

    @Test
    void namesLoseFoldersInvisibleCharactersAndWhatWindowsRefuses() {
        assertThat(FileNames.safe("../../etc/合同 2026.pdf")).isEqualTo("合同 2026.pdf");
        assertThat(FileNames.safe("C:\\Users\\wang\\报价.xlsx")).isEqualTo("报价.xlsx");
        assertThat(FileNames.safe("invoice\u202Efdp.exe")).as("a direction override hides .exe").isEqualTo("invoicefdp.exe");
        assertThat(FileNames.safe("a<b>:c?\"d|e*.pdf")).isEqualTo("a_b__c__d_e_.pdf");
        assertThat(FileNames.safe("  ..hidden.  ")).isEqualTo("hidden");
        assertThat(FileNames.safe("con.txt")).isEqualTo("_con.txt");
        assertThat(FileNames.safe("第一行\n第二行\t.txt")).isEqualTo("第一行第二行.txt");
        assertThat(FileNames.safe(null)).isEqualTo("file");
        assertThat(FileNames.safe(" / ")).isEqualTo("file");
        String longName = FileNames.safe("长".repeat(300) + ".docx");
        assertThat(longName.codePointCount(0, longName.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(longName).endsWith("长.docx");
    }

    @Test
    void theBytesSayTheTypeAndTheNameOnlyWhichOfTheirKind() {
        assertThat(type("x.bin", TestFiles.PDF)).isEqualTo("application/pdf");
        assertThat(type("photo.pdf", TestFiles.PNG)).isEqualTo("image/png");
        assertThat(type("photo", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0})).isEqualTo("image/jpeg");
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0};
        assertThat(type("方案.docx", zip)).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(type("报表.xlsx", zip)).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(type("资料.zip", zip)).isEqualTo("application/zip");
        assertThat(type("客户.csv", "名称,电话\n海纳,010-1234\n".getBytes(Charset.forName("GBK")))).isEqualTo("text/csv");
        assertThat(type("countries.csv", "MZ,Mozambique\nCN,China\n".getBytes(StandardCharsets.UTF_8)))
                .as("text that starts like a program is text").isEqualTo("text/csv");
        assertThat(type("data.xml", "<?xml version=\"1.0\"?><order id=\"1\"/>".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
        assertThat(type("blob", new byte[] {1, 2, 3, 0, 5, 6})).isEqualTo(FileTypes.OCTET_STREAM);
    }

    @Test
    void programsAndPagesAreRefusedWhateverTheirName() {
        assertThat(FileTypes.of("photo.jpg", TestFiles.EXE)).isInstanceOf(FileTypes.Blocked.class);
        assertThat(FileTypes.of("setup.msi", TestFiles.PDF)).isInstanceOf(FileTypes.Blocked.class);
        assertThat(FileTypes.of("readme.txt", "#!/usr/bin/env python\n".getBytes(StandardCharsets.UTF_8))).isInstanceOf(FileTypes.Blocked.class);
        assertThat(FileTypes.of("page.txt", "\n  <HTML><body>".getBytes(StandardCharsets.UTF_8))).isInstanceOf(FileTypes.Blocked.class);
        assertThat(FileTypes.of("icon.png", "<!-- x --><svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileTypes.Blocked.class);
        assertThat(FileTypes.of("REPORT.HTM", "hello".getBytes(StandardCharsets.UTF_8))).isInstanceOf(FileTypes.Blocked.class);
    }

    private static String type(String name, byte[] bytes) {
        return ((FileTypes.Accepted) FileTypes.of(name, bytes)).contentType();
    }
}
