package io.haina.crm.sales.lead;

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
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.SecuredObject;
import io.haina.crm.platform.web.NavItem;
import io.haina.crm.sales.SalesPicklists;
import io.haina.crm.sales.customer.CompanyNames;
import io.haina.crm.sales.pool.PooledObject;

/**
 * Leads (L1): first contacts — a business card from an exhibition, a web form, a call — kept
 * until they become customers or are found invalid. Status and temperature carry colours, since
 * a salesperson scans a list of leads by them.
 */
@Configuration(proxyBeanMethods = false)
class LeadObject {

    static final String CODE = "lead";

    @Bean
    ObjectDef leadDefinition() {
        return new ObjectDef(CODE, "object.lead", "lead", "name", List.of(
                FieldDef.required("name", "lead.field.name", new FieldType.Text(50)),
                FieldDef.optional("company", "lead.field.company", new FieldType.Text(200)),
                FieldDef.optional("title", "lead.field.title", new FieldType.Text(50)),
                FieldDef.optional("mobile", "lead.field.mobile", new FieldType.Phone()),
                FieldDef.optional("phone", "lead.field.phone", new FieldType.Phone()),
                FieldDef.optional("email", "lead.field.email", new FieldType.Email()),
                FieldDef.optional("wechat", "lead.field.wechat", new FieldType.Text(50)),
                FieldDef.optional("region", "lead.field.region", new FieldType.Region()),
                FieldDef.optional("industry", "lead.field.industry", new FieldType.Picklist(SalesPicklists.industries())),
                FieldDef.optional("company_size", "lead.field.company-size", new FieldType.Picklist(SalesPicklists.companySizes())),
                FieldDef.optional("source", "lead.field.source", new FieldType.Picklist(SalesPicklists.sources())),
                FieldDef.required("status", "lead.field.status", new FieldType.Picklist(List.of(
                        new PicklistOption("new", "lead.status.new", "#0d6efd", true),
                        new PicklistOption("following", "lead.status.following", "#fd7e14", true),
                        new PicklistOption("valid", "lead.status.valid", "#198754", true),
                        new PicklistOption("nurturing", "lead.status.nurturing", "#6f42c1", true),
                        new PicklistOption("invalid", "lead.status.invalid", "#adb5bd", true),
                        new PicklistOption("converted", "lead.status.converted", "#20c997", true)))).withDefault("new"),
                FieldDef.optional("temperature", "lead.field.temperature", new FieldType.Picklist(List.of(
                        new PicklistOption("hot", "lead.temperature.hot", "#dc3545", true),
                        new PicklistOption("warm", "lead.temperature.warm", "#fd7e14", true),
                        new PicklistOption("cold", "lead.temperature.cold", "#0dcaf0", true)))),
                FieldDef.optional("last_follow_up_at", "lead.field.last-follow-up-at", new FieldType.DateTime()).withAccess(FieldAccess.READ_ONLY),
                FieldDef.optional("next_follow_up_at", "lead.field.next-follow-up-at", new FieldType.DateTime()).withAccess(FieldAccess.READ_ONLY),
                FieldDef.optional("utm_source", "lead.field.utm-source", new FieldType.Text(100)),
                FieldDef.optional("utm_medium", "lead.field.utm-medium", new FieldType.Text(100)),
                FieldDef.optional("utm_campaign", "lead.field.utm-campaign", new FieldType.Text(100)),
                FieldDef.optional("description", "lead.field.description", new FieldType.LongText(5000)),
                // Set by conversion only.
                FieldDef.optional("converted_customer_id", "lead.field.converted-customer", new FieldType.Lookup("customer"))
                        .withAccess(FieldAccess.READ_ONLY),
                FieldDef.optional("converted_contact_id", "lead.field.converted-contact", new FieldType.Lookup("contact"))
                        .withAccess(FieldAccess.READ_ONLY),
                FieldDef.optional("converted_at", "lead.field.converted-at", new FieldType.DateTime())
                        .withAccess(FieldAccess.READ_ONLY)),
                List.of("name", "company", "mobile", "status", "temperature", "source", "next_follow_up_at"))
                .withLayout(RecordLayout.highlighting("company", "status", "temperature", "source", "next_follow_up_at")
                        .section("lead.section.basic", "name", "company", "title", "industry", "company_size", "region")
                        .section("lead.section.reach", "mobile", "phone", "email", "wechat")
                        .section("lead.section.qualification", "status", "temperature", "source", "last_follow_up_at",
                                "next_follow_up_at")
                        .section("lead.section.campaign", "utm_source", "utm_medium", "utm_campaign")
                        .section("lead.section.conversion", "converted_customer_id", "converted_contact_id", "converted_at")
                        .section("lead.section.description", "description"))
                .withQuickSearchIn("company", "wechat")
                .withDuplicateKey(new DuplicateKey("company", "company_key", CompanyNames::key))
                .withDuplicateCheck("mobile", "phone", "email")
                .withPools();
    }

    /**
     * A converted lead is settled for good: its customer is where the work goes on, so no lead
     * pool's rule takes it back, no one claims it, and it weighs on no one's cap.
     *
     * <p>An invalid lead is not settled: as in 销售易 and 悟空CRM, where "无效" closes a lead for the rep
     * but the lead pool is where closed leads get a second look, a lead marked invalid and left
     * untouched goes back to the pool by the "no follow-up" rule like any other, and a colleague may
     * claim it and try again (a wrong number, a buyer who has since changed jobs). While the rep
     * holds it, it counts toward their cap: they free the place by returning it.
     */
    @Bean
    PooledObject leadsInPools() {
        return PooledObject.settledForGood(CODE, "status", "converted");
    }

    @Bean
    NavItem leadsNavItem() {
        return new NavItem(NavItem.Section.SALES, "nav.leads", "funnel", "/o/" + CODE, ObjectAction.VIEW.on(CODE), 10);
    }

    @Bean
    SecuredObject leadPermissions() {
        return SecuredObject.ownedRecords(CODE, "object.lead", 10);
    }
}
