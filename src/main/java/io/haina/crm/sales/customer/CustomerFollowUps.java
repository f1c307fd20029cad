package io.haina.crm.sales.customer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.haina.crm.platform.activity.FollowUpsOn;

/** Customers take follow-ups (C4), which keep their last and next follow-up times, and show a timeline (C8). */
@Configuration(proxyBeanMethods = false)
class CustomerFollowUps {

    @Bean
    FollowUpsOn customersTakeFollowUps() {
        return new FollowUpsOn(CustomerObject.CODE);
    }
}
