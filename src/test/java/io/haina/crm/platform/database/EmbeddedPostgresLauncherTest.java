package io.haina.crm.platform.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start on a port another server holds says so, and which setting to change, instead of waiting a minute. */
class EmbeddedPostgresLauncherTest {

    @TempDir
    Path dataDir;

    @Test
    void aTakenPortIsNamedWithTheSettingThatMovesIt() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var launcher = new EmbeddedPostgresLauncher(new EmbeddedDatabaseProperties(dataDir, other.getLocalPort(), false));

            assertThatThrownBy(launcher::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + other.getLocalPort() + " is already in use")
                    .hasMessageContaining("HAINA_EMBEDDED_DB_PORT");
        }
        try (var left = Files.list(dataDir.resolve("postgres"))) {
            org.assertj.core.api.Assertions.assertThat(left).as("no half-made cluster left behind").isEmpty();
        }
    }
}
