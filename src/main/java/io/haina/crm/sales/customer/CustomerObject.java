package io.haina.crm.sales.customer;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.haina.crm.platform.metadata.DuplicateKey;
import io.haina.crm.platform.metadata.FieldAccess;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.PicklistOption;
import io.haina.crm.platform.metadata.RecordLayout;
import io.haina.crm.platform.records.MergeableObject;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.SecuredObject;
import io.haina.crm.platform.web.NavItem;
import io.haina.crm.sales.SalesPicklists;
import io.haina.crm.sales.pool.PooledObject;

/**
 * Customers (C1): companies or individuals the company sells to, with their level, industry,
 * region, source, status and follow-up times. A customer's name is checked for possible
 * duplicates by its {@link CompanyNames company-name key}.
 */
@Configuration(proxyBeanMethods = false)
class CustomerObject {

    static final String CODE = "customer";

    @Bean
    ObjectDef customerDefinition() {
        return new ObjectDef(CODE, "object.customer", "customer", "name", List.of(
                FieldDef.required("name", "customer.field.name", new FieldType.Text(200)),
                FieldDef.required("kind", "customer.field.kind", new FieldType.Picklist(
                        SalesPicklists.options("customer.kind.", "company", "individual"))).withDefault("company"),
                FieldDef.optional("level", "customer.field.level", new FieldType.Picklist(List.of(
                        new PicklistOption("key", "customer.level.key", "#b02a37", true),
                        new PicklistOption("a", "customer.level.a", "#fd7e14", true),
                        new PicklistOption("b", "customer.level.b", "#0d6efd", true),
                        new PicklistOption("c", "customer.level.c", "#6c757d", true)))),
                FieldDef.optional("industry", "customer.field.industry", new FieldType.Picklist(SalesPicklists.industries())),
                FieldDef.optional("company_size", "customer.field.company-size", new FieldType.Picklist(SalesPicklists.companySizes())),
                FieldDef.optional("source", "customer.field.source", new FieldType.Picklist(SalesPicklists.sources())),
                FieldDef.required("status", "customer.field.status", new FieldType.Picklist(List.of(
                        new PicklistOption("potential", "customer.status.potential", "#6c757d", true),
                        new PicklistOption("intention", "customer.status.intention", "#0d6efd", true),
                        new PicklistOption("negotiating", "customer.status.negotiating", "#fd7e14", true),
                        new PicklistOption("dormant", "customer.status.dormant", "#adb5bd", true)))).withDefault("potential"),
                FieldDef.required("deal_status", "customer.field.deal-status", new FieldType.Picklist(List.of(
                        new PicklistOption("none", "customer.deal-status.none", "#6c757d", true),
                        new PicklistOption("won", "customer.deal-status.won", "#198754", true)))).withDefault("none"),
                FieldDef.optional("phone", "customer.field.phone", new FieldType.Phone()),
                FieldDef.optional("email", "customer.field.email", new FieldType.Email()),
                FieldDef.optional("website", "customer.field.website", new FieldType.Url()),
                FieldDef.optional("region", "customer.field.region", new FieldType.Region()),
                FieldDef.optional("address", "customer.field.address", new FieldType.Text(300)),
                FieldDef.optional("tags", "customer.field.tags", new FieldType.MultiPicklist(
                        SalesPicklists.options("customer.tag.", "vip", "partner", "reference", "government-project"))),
                FieldDef.optional("last_follow_up_at", "customer.field.last-follow-up-at", new FieldType.DateTime()).withAccess(FieldAccess.READ_ONLY),
                FieldDef.optional("next_follow_up_at", "customer.field.next-follow-up-at", new FieldType.DateTime()).withAccess(FieldAccess.READ_ONLY),
                // Kept by opportunities; the public pool's rules read them.
                FieldDef.optional("open_opportunities", "customer.field.open-opportunities",
                        new FieldType.Decimal(9, 0, null, null)).withDefault("0").withAccess(FieldAccess.READ_ONLY),
                FieldDef.optional("last_opportunity_at", "customer.field.last-opportunity-at", new FieldType.DateTime())
                        .withAccess(FieldAccess.READ_ONLY),
                FieldDef.optional("description", "customer.field.description", new FieldType.LongText(5000))),
                List.of("name", "level", "industry", "status", "deal_status", "next_follow_up_at"))
                .withLayout(RecordLayout.highlighting("level", "status", "deal_status", "industry", "next_follow_up_at")
                        .section("customer.section.basic", "name", "kind", "level", "industry", "company_size", "source",
                                "status", "deal_status", "tags")
                        .section("customer.section.contact", "phone", "email", "website", "region", "address")
                        .section("customer.section.follow-up", "last_follow_up_at", "next_follow_up_at", "open_opportunities",
                                "last_opportunity_at")
                        .section("customer.section.description", "description"))
                .withDuplicateKey(new DuplicateKey("name", "name_key", CompanyNames::key))
                .withDuplicateCheck("phone", "email")
                .withPools();
    }

    /**
     * A won customer is settled, but each public pool decides whether that spares it (its rules'
     * "keep won customers", its cap's "won customers do not count"): some companies take back
     * customers who bought once and stopped.
     */
    @Bean
    PooledObject customersInPools() {
        return PooledObject.settledAsPoolsSay(CODE, "deal_status", "won");
    }

    @Bean
    NavItem customersNavItem() {
        return new NavItem(NavItem.Section.SALES, "nav.customers", "buildings", "/o/" + CODE, ObjectAction.VIEW.on(CODE), 20);
    }

    /** The same company entered twice is merged into one (C7). */
    @Bean
    MergeableObject customersMerge() {
        return new MergeableObject(CODE);
    }

    @Bean
    SecuredObject customerPermissions() {
        return SecuredObject.ownedRecords(CODE, "object.customer", 20);
    }
}
