package io.haina.crm.sales.lead;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.haina.crm.platform.activity.FollowUpsOn;

/**
 * Leads take follow-ups, which keep their last and next follow-up times, and show a timeline. A
 * converted lead keeps its timeline: follow-ups point at the lead by object and id.
 */
@Configuration(proxyBeanMethods = false)
class LeadFollowUps {

    @Bean
    FollowUpsOn leadsTakeFollowUps() {
        return new FollowUpsOn(LeadObject.CODE);
    }
}
