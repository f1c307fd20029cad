package io.haina.crm.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the embedded PostgreSQL 17 on Haina's data folder: initialises the cluster on the first
 * start, reuses it on every later one, never wipes it. The cluster uses UTF-8 with a UTF-8
 * character classification (C.UTF-8), so that trigram search and case folding work on Chinese
 * text as well as Latin.
 */
final class EmbeddedPostgresLauncher {

    static final String DATABASE = "haina";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    private final EmbeddedDatabaseProperties properties;

    EmbeddedPostgresLauncher(EmbeddedDatabaseProperties properties) {
        this.properties = properties;
    }

    EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres = properties.ephemeral() ? startEphemeral() : startPersistent();
            createDatabaseIfMissing(postgres);
            if (!properties.ephemeral()) {
                ServerPassword.enforce(properties.clusterDir(), postgres.getPostgresDatabase(), password());
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private EmbeddedPostgres startPersistent() throws IOException {
        Path clusterDir = properties.clusterDir();
        Files.createDirectories(clusterDir);
        new StalePostmaster(clusterDir).stopIfRunning();
        requireFreePort(properties.port());
        boolean firstStart = !Files.exists(clusterDir.resolve("postgresql.conf"));
        log.info(firstStart ? "Creating Haina's database in {}" : "Opening Haina's database in {}", clusterDir);
        return configured(EmbeddedPostgres.builder())
                .setConnectConfig("password", password())
                .setDataDirectory(clusterDir)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                // zonky starts the server with -F (fsync off), fine for tests, not for real data.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    /**
     * Another server on the port (a second Haina beside this one, a PostgreSQL of its own) would
     * answer in its place: the start would wait a minute and then fail on its password, a riddle.
     * Said plainly instead, with the setting that fixes it.
     */
    private static void requireFreePort(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
        } catch (IOException taken) {
            throw new IllegalStateException("Port " + port + " is already in use, perhaps by another Haina or a PostgreSQL: "
                    + "set HAINA_EMBEDDED_DB_PORT to a free port for this one's embedded database", taken);
        }
    }

    /** The superuser's password; a throw-away test cluster needs none. */
    String password() {
        return properties.ephemeral() ? null : ServerPassword.of(properties.dataDir().toAbsolutePath().normalize());
    }

    private EmbeddedPostgres startEphemeral() throws IOException {
        return configured(EmbeddedPostgres.builder()).setCleanDataDirectory(true).start();
    }

    private static EmbeddedPostgres.Builder configured(EmbeddedPostgres.Builder builder) {
        return builder
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("timezone", "UTC")
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + DATABASE + " template template0 encoding 'UTF8' locale 'C.UTF-8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "': " + e.getMessage(), e);
        }
    }
}
