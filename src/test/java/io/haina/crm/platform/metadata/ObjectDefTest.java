package io.haina.crm.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ObjectDefTest {

    final FieldDef name = FieldDef.required("name", "product.name", new FieldType.Text(100));
    final FieldDef code = FieldDef.optional("code", "product.code", new FieldType.Text(40)).asUnique();

    @Test
    void aRequiredFieldRefusesBlankInputAndAnOptionalOneStoresNothing() {
        assertThat(name.parse("   ")).isInstanceOf(Parsed.Refused.class);
        assertThat(((Parsed.Refused) name.parse(null)).messageKey()).isEqualTo("validation.required");
        assertThat(code.parse("")).isEqualTo(Parsed.empty());
        assertThat(name.parse("  服务器  ")).isEqualTo(Parsed.value("服务器"));
    }

    @Test
    void aNewRecordTakesTheDefaultOfABlankFieldAndAnUntickedBoxIsNo() {
        FieldDef active = FieldDef.optional("active", "x", new FieldType.Checkbox()).withDefault("true");

        assertThat(active.parseForCreate("")).isEqualTo(Parsed.value(true));
        assertThat(active.parseForCreate("否")).isEqualTo(Parsed.value(false));
        assertThat(active.parse("")).isEqualTo(Parsed.value(false));
        assertThatThrownBy(() -> active.withDefault("maybe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldsAreFoundByName() {
        ObjectDef product = new ObjectDef("product", "object.product", "product", "name", List.of(name, code), List.of("name"));

        assertThat(product.field("code")).contains(code);
        assertThat(product.field("price")).isEmpty();
        assertThat(code.unique()).isTrue();
        assertThat(FieldDef.optional("cf_color", "x", new FieldType.Text(10)).isCustom()).isTrue();
    }

    @Test
    void aDeclarationThatContradictsItselfFailsAtStartup() {
        assertThatThrownBy(() -> new ObjectDef("product", "x", "product", "title", List.of(name), List.of()))
                .hasMessageContaining("name field title");
        assertThatThrownBy(() -> new ObjectDef("product", "x", "product", "name", List.of(name, name), List.of()))
                .hasMessageContaining("declared twice");
        assertThatThrownBy(() -> new ObjectDef("product", "x", "product", "name", List.of(name), List.of("price")))
                .hasMessageContaining("default column price");
        assertThatThrownBy(() -> FieldDef.optional("Price; drop table", "x", new FieldType.Text(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sectionsHoldTheirFieldsInTheObjectsOrderAndCustomFieldsGoToAdditional() {
        FieldDef price = FieldDef.optional("price", "product.price", new FieldType.Money(null));
        FieldDef color = FieldDef.optional("cf_color", "cf.color", new FieldType.Text(10));
        ObjectDef product = new ObjectDef("product", "object.product", "product", "name", List.of(code, name, price, color),
                List.of("name", "code", "price"))
                .withLayout(RecordLayout.highlighting("price").section("s.basic", "name", "code").section("s.pricing", "price"));

        assertThat(product.sections()).extracting(FieldSection::labelKey)
                .containsExactly("s.basic", "s.pricing", FieldSection.ADDITIONAL);
        assertThat(product.sections().getFirst().fields()).as("the object's order").containsExactly(code, name);
        assertThat(product.sections().getLast().fields()).containsExactly(color);
        assertThat(product.sections().get(1).id()).isEqualTo("section-pricing");
        assertThat(product.highlightFields()).containsExactly(price);
    }

    @Test
    void withoutADeclaredLayoutTheHeaderShowsTheFirstListColumnsAndTheFieldsOneUntitledSection() {
        FieldDef color = FieldDef.optional("cf_color", "cf.color", new FieldType.Text(10));
        ObjectDef product = new ObjectDef("product", "object.product", "product", "name", List.of(name, code, color),
                List.of("name", "code"));

        assertThat(product.highlightFields()).containsExactly(code);
        assertThat(product.sections()).extracting(FieldSection::labelKey).containsExactly(null, FieldSection.ADDITIONAL);
        assertThat(product.sections().getFirst().fields()).containsExactly(name, code);
    }

    @Test
    void fewerFieldsLeaveTheHeaderSectionsAndDuplicateCheckWithoutThem() {
        ObjectDef product = new ObjectDef("product", "object.product", "product", "name", List.of(name, code), List.of("name", "code"))
                .withLayout(RecordLayout.highlighting("code").section("s.codes", "code").section("s.basic", "name"))
                .withDuplicateCheck("name", "code");

        ObjectDef narrowed = product.withFields(List.of(name));

        assertThat(narrowed.layout().highlights()).isEmpty();
        assertThat(narrowed.sections()).extracting(FieldSection::labelKey).containsExactly("s.basic");
        assertThat(narrowed.duplicateFields()).containsExactly("name");
        assertThat(narrowed.defaultColumns()).containsExactly("name");
    }

    @Test
    void aLayoutNamingAnUnknownFieldOrPlacingOneTwiceFailsAtStartup() {
        ObjectDef product = new ObjectDef("product", "x", "product", "name", List.of(name, code), List.of());

        assertThatThrownBy(() -> product.withLayout(RecordLayout.highlighting("price")))
                .hasMessageContaining("highlight names price");
        assertThatThrownBy(() -> product.withLayout(RecordLayout.NONE.section("a", "name").section("b", "name")))
                .hasMessageContaining("two sections");
        assertThatThrownBy(() -> product.withDuplicateCheck("phone")).hasMessageContaining("duplicate check field phone");
    }
}
