package io.haina.crm.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.profiles=demo}: on an empty database, the demo
 * company is loaded at start and its accounts are printed. Sizes: {@code haina.demo.customers},
 * {@code haina.demo.leads}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoProfile {

    private static final Logger log = LoggerFactory.getLogger(DemoProfile.class);

    @Bean
    ApplicationRunner demoData(DemoLoader loader, @Value("${haina.demo.customers:2000}") int customers,
                               @Value("${haina.demo.leads:3000}") int leads, @Value("${server.port:8080}") int port) {
        return args -> loader.loadIfEmpty(customers, leads).ifPresent(done -> log.info("""

                ==== Haina demo company ready: http://localhost:{}
                     administrator:  admin          / {}
                     sales director: liu.qiang      / {}
                     sales manager:  chen.ming      / {}  (华东销售组)
                     sales rep:      wang.xiaoming  / {}  (华东销售组)
                     marketing:      wu.ting        / {}
                """, port, DemoOrganization.PASSWORD, DemoOrganization.PASSWORD, DemoOrganization.PASSWORD,
                DemoOrganization.PASSWORD, DemoOrganization.PASSWORD));
    }
}
