package io.haina.crm.testsupport;

import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

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
    @Primary
    MutableClock testClock() {
        return new MutableClock(ZoneId.systemDefault());
    }
}
