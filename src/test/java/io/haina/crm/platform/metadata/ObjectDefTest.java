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
}
