package io.haina.crm.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param dataDir   Haina's data folder; the cluster lives in its {@code postgres} sub-folder
 * @param port      the port the embedded server listens on (loopback only)
 * @param ephemeral a throw-away cluster in a temporary folder, removed at shutdown (tests only)
 */
@ConfigurationProperties(prefix = "haina.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port, boolean ephemeral) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
    }

    Path clusterDir() {
        return dataDir.resolve("postgres").toAbsolutePath().normalize();
    }
}
