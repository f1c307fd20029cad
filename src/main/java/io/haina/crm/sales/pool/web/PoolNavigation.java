package io.haina.crm.sales.pool.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.web.NavItem;

/** Where the pools are found: beside leads and customers for their members. */
@Configuration(proxyBeanMethods = false)
class PoolNavigation {

    @Bean
    NavItem poolsNavItem() {
        return new NavItem(NavItem.Section.SALES, "nav.pools", "water", "/pools", ObjectAction.VIEW.on("customer"), 25);
    }
}
