package io.haina.crm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * Records written before their object declared a duplicate key get the key at the next start,
 * and are then found as duplicates like any other.
 */
@HainaIntegrationTest
class DuplicateKeyBackfillIntegrationTest {

    @Autowired
    RecordService records;
    @Autowired
    PossibleDuplicates duplicates;
    @Autowired
    DuplicateKeyBackfill backfill;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestOrg org;

    @Test
    void recordsWithoutTheirKeyGetItAndAreFoundAgain() throws Exception {
        long admin = org.admin();
        RecordData old = records.create(admin, "lead", Map.of("name", "陈静", "company", "北京海纳科技有限公司"));
        RecordData blank = records.create(admin, "lead", Map.of("name", "无名", "company", "有限公司"));
        // As a lead stood before leads had a company-name key.
        jdbc.update("update lead set company_key = null where id in (?, ?)", old.id(), blank.id());
        assertThat(duplicates.find(admin, "lead", Map.of("company", "（北京）海纳科技"), null)).isEmpty();

        backfill.run(null);

        assertThat(jdbc.queryForObject("select company_key from lead where id = ?", String.class, old.id())).isNotBlank();
        assertThat(jdbc.queryForObject("select company_key from lead where id = ?", String.class, blank.id()))
                .as("nothing distinctive: no key").isNull();
        assertThat(duplicates.find(admin, "lead", Map.of("company", "（北京）海纳科技"), null))
                .extracting(d -> d.record().id()).containsExactly(old.id());
        assertThat(records.read(admin, "lead", old.id()).version()).as("a derived column, not an edit").isEqualTo(old.version());
    }
}
