package io.haina.crm.platform.security.access;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.AccessVersion;
import io.haina.crm.platform.security.RequestMemo;

/**
 * Reads the access version from its row (moved by triggers, migration V23), once per web request.
 * Every request does, so the statement is fixed text run through JDBC: building and rendering it
 * with jOOQ cost more CPU than running it.
 */
@Component
class AccessVersionRow implements AccessVersion {

    private static final String READ = "select version from access_version where id = 1";

    private final JdbcTemplate jdbc;

    AccessVersionRow(DataSource dataSource) {
        // On the connection of the transaction under way, if any, as jOOQ's statements are.
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public long current() {
        return RequestMemo.get("accessVersion", () -> jdbc.queryForObject(READ, Long.class));
    }
}
