package io.haina.crm.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on our data folder by an application that died without
 * shutting it down (kill -9, power loss of the JVM only, an IDE's stop button). It still holds
 * the folder and the port, so the next start would fail; we stop it first.
 *
 * <p>The server's process id is the first line of {@code postmaster.pid}. We only signal a live
 * process whose command is {@code postgres}, so a recycled pid never hits an unrelated program.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Duration IMMEDIATE_SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final Path clusterDir;

    StalePostmaster(Path clusterDir) {
        this.clusterDir = clusterDir;
    }

    /** Stops a postmaster still running on the cluster folder; returns whether there was one. */
    boolean stopIfRunning() {
        Optional<ProcessHandle> postmaster = runningPostmaster();
        if (postmaster.isEmpty()) {
            return false;
        }
        ProcessHandle process = postmaster.get();
        log.warn("A PostgreSQL server (pid {}) from an earlier run still holds {}; stopping it", process.pid(), clusterDir);
        // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
        if (signal(process, "INT") && awaitExit(process, FAST_SHUTDOWN_WAIT)) {
            return true;
        }
        // SIGQUIT is "immediate" shutdown: the next start replays the WAL, as after a crash.
        if (signal(process, "QUIT") && awaitExit(process, IMMEDIATE_SHUTDOWN_WAIT)) {
            return true;
        }
        throw new IllegalStateException("Could not stop the PostgreSQL server (pid " + process.pid()
                + ") still running on " + clusterDir + "; stop it by hand and start Haina again");
    }

    Optional<ProcessHandle> runningPostmaster() {
        return pidFromPidFile().stream()
                .mapToObj(ProcessHandle::of)
                .flatMap(Optional::stream)
                .filter(ProcessHandle::isAlive)
                .filter(StalePostmaster::isPostgres)
                .findFirst();
    }

    private OptionalLong pidFromPidFile() {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException e) {
            log.warn("Could not read {}: {}", pidFile, e.getMessage());
            return OptionalLong.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString)
                .map(name -> name.equals("postgres")).orElse(false);
    }

    private static boolean signal(ProcessHandle process, String signal) {
        try {
            return new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            log.warn("Could not send SIG{} to {}: {}", signal, process.pid(), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }
}
