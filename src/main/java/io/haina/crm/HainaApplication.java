package io.haina.crm;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class HainaApplication {

    public static void main(String[] args) {
        SpringApplication.run(HainaApplication.class, args);
    }

    /** The one clock of the application; tests replace it to move time (lockouts, expiries, pool returns). */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
