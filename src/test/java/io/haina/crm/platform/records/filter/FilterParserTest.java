package io.haina.crm.platform.records.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.haina.crm.platform.web.InvalidInputException;

class FilterParserTest {

    @Test
    void readsComparisonsJoinedByAndOrWithBrackets() {
        Filter filter = FilterParser.parse("category in ('software', 'service') and (list_price > 100 or name contains '海纳')");

        assertThat(filter).isEqualTo(new Filter.All(List.of(
                new Filter.Comparison("category", Operator.IN, List.of("software", "service")),
                new Filter.Any(List.of(
                        new Filter.Comparison("list_price", Operator.GT, List.of("100")),
                        new Filter.Comparison("name", Operator.CONTAINS, List.of("海纳")))))));
    }

    @Test
    void andBindsTighterThanOr() {
        Filter filter = FilterParser.parse("a eq 1 or b eq 2 and c eq 3");

        assertThat(filter).isInstanceOf(Filter.Any.class);
        assertThat(((Filter.Any) filter).parts().get(1)).isInstanceOf(Filter.All.class);
    }

    @Test
    void writesCanonicalTextThatReadsBackToTheSameFilter() {
        String[] filters = {
                "name contains 'O''Brien & 张三' and not (code empty)",
                "list_price between '¥1,000' and 2000 or created_at during last_30_days",
                "category notin (hardware, 'other') and active = true",
                "(a eq 1 or b eq 2) and c != 3",
        };
        for (String text : filters) {
            Filter once = FilterParser.parse(text);
            assertThat(FilterParser.parse(once.toString())).as(text).isEqualTo(once);
        }
        assertThat(FilterParser.parse("code <> 'x'")).isEqualTo(new Filter.Comparison("code", Operator.NE, List.of("x")));
    }

    @Test
    void keywordsAndOperatorWordsIgnoreCase() {
        assertThat(FilterParser.parse("name CONTAINS x AND code NotEmpty")).isEqualTo(new Filter.All(List.of(
                new Filter.Comparison("name", Operator.CONTAINS, List.of("x")),
                new Filter.Comparison("code", Operator.NOT_EMPTY, List.of()))));
    }

    @Test
    void blankIsNoFilter() {
        assertThat(FilterParser.parse("  ")).isNull();
        assertThat(FilterParser.parse(null)).isNull();
    }

    @Test
    void mistakesAreRefusedWithWhereReadingStopped() {
        assertRefused("name contains", "filter.error.ended-early");
        assertRefused("name like 'x'", "filter.error.operator");
        assertRefused("name eq 'x' extra", "filter.error.unexpected");
        assertRefused("name eq 'x", "filter.error.unclosed-quote");
        assertRefused("(name eq x", "filter.error.ended-early");
        assertRefused("Name eq x", "filter.error.field-name");
        assertRefused("price between 1 2", "filter.error.unexpected");
        assertRefused("code in x", "filter.error.unexpected");
        assertRefused("x".repeat(FilterParser.MAX_LENGTH + 1), "filter.error.too-long");
        assertRefused("not ".repeat(30) + "a eq 1", "filter.error.too-deep");
    }

    private static void assertRefused(String text, String key) {
        assertThatThrownBy(() -> FilterParser.parse(text)).as(text).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::messageKey).containsExactly(key));
    }
}
