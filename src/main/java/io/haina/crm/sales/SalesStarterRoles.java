package io.haina.crm.sales;

import static io.haina.crm.platform.security.ObjectAction.CREATE;
import static io.haina.crm.platform.security.ObjectAction.DELETE;
import static io.haina.crm.platform.security.ObjectAction.EDIT;
import static io.haina.crm.platform.security.ObjectAction.EXPORT;
import static io.haina.crm.platform.security.ObjectAction.IMPORT;
import static io.haina.crm.platform.security.ObjectAction.TRANSFER;
import static io.haina.crm.platform.security.ObjectAction.VIEW;
import static io.haina.crm.platform.security.StarterRole.grant;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.StarterRole;

/**
 * The roles a new company starts with, as far as selling goes (issue 4, item 12): a rep works
 * their own leads and customers; a manager sees and reassigns their team's, exports and imports;
 * marketing brings leads in and hands them over, and sees which became customers. Administrators
 * change them like any role.
 */
@Configuration(proxyBeanMethods = false)
class SalesStarterRoles {

    @Bean
    StarterRole salesRep() {
        return new StarterRole("sales_rep", "role.starter.sales-rep", "role.starter.sales-rep.description", Map.of(
                "lead", grant(ScopeLevel.SELF, VIEW, CREATE, EDIT),
                "customer", grant(ScopeLevel.SELF, VIEW, CREATE, EDIT),
                "contact", grant(ScopeLevel.SELF, VIEW, CREATE, EDIT),
                "product", grant(ScopeLevel.ALL, VIEW)));
    }

    @Bean
    StarterRole salesManager() {
        return new StarterRole("sales_manager", "role.starter.sales-manager", "role.starter.sales-manager.description", Map.of(
                "lead", grant(ScopeLevel.SELF_AND_SUBORDINATES, VIEW, CREATE, EDIT, DELETE, TRANSFER, IMPORT, EXPORT),
                "customer", grant(ScopeLevel.SELF_AND_SUBORDINATES, VIEW, CREATE, EDIT, DELETE, TRANSFER, IMPORT, EXPORT),
                "contact", grant(ScopeLevel.SELF_AND_SUBORDINATES, VIEW, CREATE, EDIT, DELETE, TRANSFER, IMPORT, EXPORT),
                "product", grant(ScopeLevel.ALL, VIEW)));
    }

    @Bean
    StarterRole marketing() {
        return new StarterRole("marketing", "role.starter.marketing", "role.starter.marketing.description", Map.of(
                "lead", grant(ScopeLevel.ALL, VIEW, CREATE, EDIT, TRANSFER, IMPORT, EXPORT),
                "customer", grant(ScopeLevel.ALL, VIEW),
                "product", grant(ScopeLevel.ALL, VIEW)));
    }
}
