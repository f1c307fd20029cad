package io.haina.crm.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldTypeTest {

    static final List<PicklistOption> CATEGORIES = List.of(PicklistOption.of("hardware", "x"),
            PicklistOption.of("software", "x"), new PicklistOption("legacy", "x", null, false));

    @Test
    void textCountsChineseCharactersOneEach() {
        FieldType.Text name = new FieldType.Text(4);

        assertThat(name.parse("海纳科技")).isEqualTo(Parsed.value("海纳科技"));
        assertThat(refusal(name.parse("海纳科技公司"))).isEqualTo("validation.too-long");
    }

    @Test
    void moneyReadsWhatPeopleTypeAndKeepsTwoDecimals() {
        FieldType.Money price = new FieldType.Money(BigDecimal.ZERO);

        assertThat(value(price.parse("¥1,299.5"))).isEqualTo(new BigDecimal("1299.50"));
        assertThat(value(price.parse("￥ 88"))).isEqualTo(new BigDecimal("88.00"));
        assertThat(value(price.parse("1，000"))).isEqualTo(new BigDecimal("1000.00"));
        assertThat(refusal(price.parse("12.345"))).isEqualTo("validation.decimals");
        assertThat(refusal(price.parse("-1"))).isEqualTo("validation.min");
        assertThat(refusal(price.parse("一千"))).isEqualTo("validation.number");
        assertThat(refusal(price.parse("1" + "0".repeat(17)))).isEqualTo("validation.number-too-large");
    }

    @Test
    void decimalsRespectTheirBounds() {
        FieldType.Decimal quantity = new FieldType.Decimal(10, 0, BigDecimal.ONE, BigDecimal.valueOf(1000));

        assertThat(value(quantity.parse("12"))).isEqualTo(new BigDecimal("12"));
        assertThat(value(quantity.parse("12.0"))).isEqualTo(new BigDecimal("12"));
        assertThat(refusal(quantity.parse("0"))).isEqualTo("validation.min");
        assertThat(refusal(quantity.parse("1001"))).isEqualTo("validation.max");
    }

    @Test
    void percentTakesTheSignOrNot() {
        assertThat(value(new FieldType.Percent().parse("12.5%"))).isEqualTo(new BigDecimal("12.50"));
        assertThat(value(new FieldType.Percent().parse("30"))).isEqualTo(new BigDecimal("30.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "2026/11/23", "2026.11.23", "2026年11月23日", "2026-11-3"})
    void datesInTheUsualChineseAndIsoShapes(String input) {
        LocalDate expected = input.endsWith("-3") ? LocalDate.of(2026, 11, 3) : LocalDate.of(2026, 11, 23);
        assertThat(value(new FieldType.Date().parse(input))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "23/11/2026", "yesterday", "2026-13-01"})
    void impossibleOrAmbiguousDatesAreRefused(String input) {
        assertThat(refusal(new FieldType.Date().parse(input))).isEqualTo("validation.date");
    }

    @Test
    void dateTimesKeepTheirOffset() {
        assertThat(value(new FieldType.DateTime().parse("2026-11-23 14:30+08:00")))
                .isEqualTo(OffsetDateTime.parse("2026-11-23T14:30+08:00"));
        assertThat(refusal(new FieldType.DateTime().parse("2026-11-23 14:30"))).isEqualTo("validation.date-time");
    }

    @Test
    void checkboxesUnderstandChineseAndEnglish() {
        FieldType.Checkbox active = new FieldType.Checkbox();

        assertThat(value(active.parse("是"))).isEqualTo(true);
        assertThat(value(active.parse("No"))).isEqualTo(false);
        assertThat(refusal(active.parse("maybe"))).isEqualTo("validation.boolean");
    }

    @Test
    void picklistsAcceptOnlyActiveOptions() {
        FieldType.Picklist category = new FieldType.Picklist(CATEGORIES);

        assertThat(value(category.parse("hardware"))).isEqualTo("hardware");
        assertThat(refusal(category.parse("legacy"))).isEqualTo("validation.picklist");
        assertThat(refusal(category.parse("food"))).isEqualTo("validation.picklist");
    }

    @Test
    void multiPicklistsSplitOnChineseAndLatinSeparatorsWithoutDuplicates() {
        FieldType.MultiPicklist tags = new FieldType.MultiPicklist(CATEGORIES);

        assertThat(value(tags.parse("hardware、software，hardware"))).isEqualTo(List.of("hardware", "software"));
        assertThat(refusal(tags.parse("hardware;food"))).isEqualTo("validation.picklist");
    }

    @Test
    void emailsAreLowerCasedAndChecked() {
        assertThat(value(new FieldType.Email().parse("Wang.Wei@Example.COM"))).isEqualTo("wang.wei@example.com");
        assertThat(refusal(new FieldType.Email().parse("wang@localhost"))).isEqualTo("validation.email");
        assertThat(refusal(new FieldType.Email().parse("not an email"))).isEqualTo("validation.email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "+86 138 0013 8000", "010-12345678", "(021) 6234-5678 转 801", "+1 415 555 0100"})
    void phonesInChineseAndInternationalShapes(String input) {
        assertThat(new FieldType.Phone().parse(input).ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "1234", "+86 138-0013-8000-1234-5678-90"})
    void nonPhonesAreRefused(String input) {
        assertThat(refusal(new FieldType.Phone().parse(input))).isEqualTo("validation.phone");
    }

    @Test
    void urlsGainHttpsWhenTypedBare() {
        assertThat(value(new FieldType.Url().parse("www.haina.io"))).isEqualTo("https://www.haina.io");
        assertThat(value(new FieldType.Url().parse("http://haina.io/a?b=c"))).isEqualTo("http://haina.io/a?b=c");
        assertThat(refusal(new FieldType.Url().parse("javascript:alert(1)"))).isEqualTo("validation.url");
        assertThat(refusal(new FieldType.Url().parse("not a url"))).isEqualTo("validation.url");
    }

    @Test
    void regionsHaveUpToThreeLevels() {
        assertThat(value(new FieldType.Region().parse("浙江省/杭州市/西湖区"))).isEqualTo(List.of("浙江省", "杭州市", "西湖区"));
        assertThat(value(new FieldType.Region().parse("北京市 朝阳区"))).isEqualTo(List.of("北京市", "朝阳区"));
        assertThat(refusal(new FieldType.Region().parse("a/b/c/d"))).isEqualTo("validation.region");
    }

    @Test
    void referencesAreIds() {
        assertThat(value(new FieldType.Lookup("customer").parse("42"))).isEqualTo(42L);
        assertThat(refusal(new FieldType.UserRef().parse("1 or 1=1"))).isEqualTo("validation.reference");
        assertThat(refusal(new FieldType.Attachment(2).parse("1,2,3"))).isEqualTo("validation.too-many-files");
    }

    @Test
    void autoNumbersAreNeverTyped() {
        FieldType.AutoNumber code = new FieldType.AutoNumber("PRD-", 6);

        assertThat(code.format(123)).isEqualTo("PRD-000123");
        assertThat(refusal(code.parse("PRD-000999"))).isEqualTo("validation.read-only");
    }

    @Test
    void eachKindHasItsColumnAndLabel() {
        assertThat(new FieldType.Money(null).columnType()).isEqualTo("numeric(18,2)");
        assertThat(new FieldType.MultiPicklist(CATEGORIES).columnType()).isEqualTo("text[]");
        assertThat(new FieldType.DateTime().columnType()).isEqualTo("timestamptz");
        assertThat(new FieldType.MultiPicklist(CATEGORIES).labelKey()).isEqualTo("field.type.multi-picklist");
        assertThat(FieldType.class.getPermittedSubclasses()).hasSize(19);
    }

    @Test
    void optionCodesAreStableIdentifiers() {
        assertThatThrownBy(() -> PicklistOption.of("硬件", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    static Object value(Parsed parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Value.class);
        return ((Parsed.Value) parsed).value();
    }

    static String refusal(Parsed parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Refused.class);
        return ((Parsed.Refused) parsed).messageKey();
    }
}
