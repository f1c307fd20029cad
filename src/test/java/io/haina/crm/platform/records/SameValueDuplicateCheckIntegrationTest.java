package io.haina.crm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.haina.crm.testsupport.HainaIntegrationTest;

/** The duplicate check on product names is answered from its index, not by reading every product. */
@HainaIntegrationTest
class SameValueDuplicateCheckIntegrationTest {

    @Autowired
    DSLContext db;

    @Test
    void theProductNameCheckReadsItsIndex() {
        Field<String> name = DSL.field(DSL.name("product", "name"), String.class);
        String plan = db.transactionResult(tx -> {
            tx.dsl().execute("set local enable_seqscan = off");
            return tx.dsl().explain(tx.dsl().select(DSL.field(DSL.name("product", "id"))).from(DSL.table(DSL.name("product")))
                    .where(SameValueDuplicateCheck.comparable(name).eq(SameValueDuplicateCheck.normalized("海纳 服务器 X1")))
                    .and(DSL.field(DSL.name("product", "deleted_at")).isNull())).plan();
        });

        assertThat(plan).contains("product_name_comparable_idx");
        assertThat(SameValueDuplicateCheck.normalized(" 海纳\u3000服务器 X1 ")).isEqualTo("海纳服务器x1");
    }
}
