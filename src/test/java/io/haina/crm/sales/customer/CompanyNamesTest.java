package io.haina.crm.sales.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyNamesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "北京海纳科技有限公司, 北京海纳科技",
            "北京海纳科技有限公司, （北京）海纳科技有限公司",
            "北京海纳科技有限公司, (北京)海纳科技有限公司",
            "北京海纳科技有限公司, 海纳科技（北京）有限公司",
            "北京海纳科技有限公司, 北京市海纳科技有限责任公司",
            "海纳科技股份有限公司, 海纳科技集团",
            "海纳科技股份有限公司, 海纳 科技",
            "ＨＡＩＮＡ科技有限公司, haina科技",
            "'Haina Tech Co., Ltd.', HAINA TECH",
            "'Haina Tech, Inc.', haina tech",
    })
    void spellingsOfOneCompanyShareAKey(String one, String other) {
        assertThat(CompanyNames.key(one)).isNotEmpty().isEqualTo(CompanyNames.key(other));
        assertThat(CompanyNames.sameCompany(one, other)).isTrue();
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource({
            "北京海纳科技有限公司, 北京海川科技有限公司",
            "北京银行, 上海银行",
            "海纳科技, 海纳软件",
            "Haina Tech, Haina Soft",
    })
    void differentCompaniesDoNot(String one, String other) {
        assertThat(CompanyNames.sameCompany(one, other)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"有限公司", "'  '", "（）"})
    void aNameWithNothingDistinctiveHasNoKeyAndMatchesNothing(String name) {
        assertThat(CompanyNames.key(name)).isEmpty();
        assertThat(CompanyNames.sameCompany(name, name)).isFalse();
    }
}
