package io.haina.crm.sales.product;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.PicklistOption;
import io.haina.crm.platform.metadata.RecordLayout;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.SecuredObject;
import io.haina.crm.platform.web.NavItem;

/** Products (S3): what the company sells, with list price and cost, declared on the record engine. */
@Configuration(proxyBeanMethods = false)
class ProductObject {

    static final String CODE = "product";

    @Bean
    ObjectDef productDefinition() {
        return new ObjectDef(CODE, "object.product", "product", "name", List.of(
                FieldDef.required("name", "product.field.name", new FieldType.Text(100)),
                FieldDef.optional("code", "product.field.code", new FieldType.Text(40)).asUnique(),
                FieldDef.optional("category", "product.field.category", new FieldType.Picklist(List.of(
                        PicklistOption.of("hardware", "product.category.hardware"),
                        PicklistOption.of("software", "product.category.software"),
                        PicklistOption.of("service", "product.category.service"),
                        PicklistOption.of("subscription", "product.category.subscription"),
                        PicklistOption.of("other", "product.category.other")))),
                FieldDef.optional("unit", "product.field.unit", new FieldType.Text(20)),
                FieldDef.optional("list_price", "product.field.list-price", new FieldType.Money(BigDecimal.ZERO)),
                FieldDef.optional("cost", "product.field.cost", new FieldType.Money(BigDecimal.ZERO)),
                FieldDef.optional("active", "product.field.active", new FieldType.Checkbox()).withDefault("true"),
                FieldDef.optional("description", "product.field.description", new FieldType.LongText(5000))),
                List.of("name", "code", "category", "unit", "list_price", "active"))
                .withLayout(RecordLayout.highlighting("code", "category", "list_price", "active")
                        .section("product.section.basic", "name", "code", "category", "unit", "active")
                        .section("product.section.pricing", "list_price", "cost")
                        .section("product.section.description", "description"))
                .withDuplicateCheck("name");
    }

    @Bean
    NavItem productsNavItem() {
        return new NavItem(NavItem.Section.SALES, "nav.products", "box-seam", "/o/" + CODE, ObjectAction.VIEW.on(CODE), 50);
    }

    @Bean
    SecuredObject productPermissions() {
        return SecuredObject.ownedRecords(CODE, "object.product", 100);
    }
}
