package io.haina.crm.testsupport;

import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;

@TestConfiguration(proxyBeanMethods = false)
@Import({TestOrg.class, TestNotices.class})
public class TestSupportConfiguration {

    @Bean
    ProbeHook probeHook() {
        return new ProbeHook();
    }

    @Bean
    MergeTrap mergeTrap() {
        return new MergeTrap();
    }

    @Bean
    SameCategoryProducts sameCategoryProducts() {
        return new SameCategoryProducts();
    }

    @Bean
    ServerTimes serverTimes() {
        return new ServerTimes();
    }

    /** Before every other filter, so that the server's time includes theirs. */
    @Bean
    FilterRegistrationBean<ServerTimes> serverTimesFilter(ServerTimes times) {
        FilterRegistrationBean<ServerTimes> registration = new FilterRegistrationBean<>(times);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(ZoneId.systemDefault());
    }
}
