package io.haina.crm.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

/**
 * The embedded server's superuser password: random, made on the first start, kept readable by the
 * owner only in {@code <data-dir>/postgres-password}, and required of every connection (SCRAM), so
 * that no other local user or process can open Haina's database without it.
 */
final class ServerPassword {

    static final String FILE = "postgres-password";
    private static final String MARKER = "# haina: password required";

    private ServerPassword() {
    }

    /** The password of this data folder, created on first use. */
    static String of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createDirectories(dataDir);
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions protect it.
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }

    /**
     * Sets the password on the superuser and makes the server require it. A cluster made by an
     * older Haina (or by initdb just now) still trusts local connections, which is how we get in.
     */
    static void enforce(Path clusterDir, DataSource superuser, String password) {
        Path hba = clusterDir.resolve("pg_hba.conf");
        try {
            if (Files.readString(hba, StandardCharsets.UTF_8).contains(MARKER)) {
                return;
            }
            try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("set password_encryption = 'scram-sha-256'");
                statement.execute("alter role postgres password '" + password.replace("'", "''") + "'");
                Files.write(hba, List.of(MARKER,
                        "local all all scram-sha-256",
                        "host  all all 127.0.0.1/32 scram-sha-256",
                        "host  all all ::1/128 scram-sha-256"), StandardCharsets.UTF_8);
                statement.execute("select pg_reload_conf()");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not secure " + hba, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the embedded database's password: " + e.getMessage(), e);
        }
    }
}
