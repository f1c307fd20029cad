package io.haina.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HainaApplication {
    public static void main(String[] args) {
        SpringApplication.run(HainaApplication.class, args);
    }
}
