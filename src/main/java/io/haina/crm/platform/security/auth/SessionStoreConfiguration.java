package io.haina.crm.platform.security.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL, and every page view notes the session's last access there. That
 * note is committed without waiting for the disk (synchronous_commit off for its transaction):
 * at worst a crash loses the last second of notes and a user signs in again, while every page
 * view is spared an fsync, about 1.7 ms here and more under load. Business data keeps the
 * server's durable commit.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /**
     * Spring Session's own update, joined to a one-row subquery that relaxes the commit of the
     * transaction it runs in; the setting ends with that transaction.
     */
    static final String UPDATE_SESSION_WITHOUT_WAITING_FOR_DISK = """
            UPDATE %TABLE_NAME%
            SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ?
            FROM (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed_commit
            WHERE PRIMARY_ID = ?
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTouchWithoutFsync() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_WITHOUT_WAITING_FOR_DISK);
    }
}
