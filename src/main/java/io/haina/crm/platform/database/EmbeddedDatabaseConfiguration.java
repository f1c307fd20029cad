package io.haina.crm.platform.database;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Without an external database URL, Haina starts its own PostgreSQL and connects to it. Spring
 * Boot's own DataSource configuration backs off because this one defines the bean.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseConfigured.Not.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
        return new EmbeddedPostgresLauncher(properties).start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties, Environment environment) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("haina-embedded");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", EmbeddedPostgresLauncher.DATABASE));
        config.setUsername("postgres");
        config.setPassword(new EmbeddedPostgresLauncher(properties).password());
        config.setMaximumPoolSize(environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 20));
        return new HikariDataSource(config);
    }
}
