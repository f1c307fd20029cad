package io.haina.crm.sales.customer;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.RecordLayout;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.SecuredObject;
import io.haina.crm.platform.web.NavItem;
import io.haina.crm.sales.SalesPicklists;

/**
 * Contacts (C2): the people at a customer the sales team talks to. Each belongs to exactly one
 * customer (a required lookup, so the customer page lists them) and may be its primary contact.
 */
@Configuration(proxyBeanMethods = false)
class ContactObject {

    static final String CODE = "contact";

    @Bean
    ObjectDef contactDefinition() {
        return new ObjectDef(CODE, "object.contact", "contact", "name", List.of(
                FieldDef.required("name", "contact.field.name", new FieldType.Text(50)),
                FieldDef.required("customer_id", "contact.field.customer", new FieldType.Lookup(CustomerObject.CODE)),
                FieldDef.optional("is_primary", "contact.field.primary", new FieldType.Checkbox()).withDefault("false"),
                FieldDef.optional("title", "contact.field.title", new FieldType.Text(50)),
                FieldDef.optional("decision_role", "contact.field.decision-role", new FieldType.Picklist(
                        SalesPicklists.options("contact.decision-role.", "decision-maker", "influencer", "evaluator", "user",
                                "gatekeeper", "other"))),
                FieldDef.optional("mobile", "contact.field.mobile", new FieldType.Phone()),
                FieldDef.optional("phone", "contact.field.phone", new FieldType.Phone()),
                FieldDef.optional("email", "contact.field.email", new FieldType.Email()),
                FieldDef.optional("wechat", "contact.field.wechat", new FieldType.Text(50)),
                FieldDef.optional("birthday", "contact.field.birthday", new FieldType.Date()),
                FieldDef.optional("description", "contact.field.description", new FieldType.LongText(2000))),
                List.of("name", "customer_id", "title", "decision_role", "mobile", "email"))
                .withLayout(RecordLayout.highlighting("customer_id", "title", "decision_role", "mobile")
                        .section("contact.section.basic", "name", "customer_id", "is_primary", "title", "decision_role")
                        .section("contact.section.reach", "mobile", "phone", "email", "wechat", "birthday")
                        .section("contact.section.description", "description"))
                .withQuickSearchIn("wechat")
                .withDuplicateCheck("mobile", "email");
    }

    @Bean
    NavItem contactsNavItem() {
        return new NavItem(NavItem.Section.SALES, "nav.contacts", "person-lines-fill", "/o/" + CODE,
                ObjectAction.VIEW.on(CODE), 30);
    }

    @Bean
    SecuredObject contactPermissions() {
        return SecuredObject.ownedRecords(CODE, "object.contact", 30);
    }
}
