package io.haina.crm.platform.notify.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.notify.inbox.InboxChanges;

/**
 * Listens on PostgreSQL's {@value InboxChanges#CHANNEL} channel and hands each user id it hears to
 * {@link LiveNotices}. Every app instance listens, so a notice committed on one instance reaches
 * the recipient's pages on any other: the database is the one thing all instances share, and its
 * NOTIFY is delivered only after the commit. One connection of the pool is held for listening.
 *
 * <p>When the connection breaks (database restart, network), the listener connects again after a
 * growing pause and gives every open page its count anew, since notifications sent meanwhile are
 * lost. Behind a pooler in transaction mode (PgBouncer) LISTEN does not work; give Haina a direct
 * connection then.
 */
@Component
class NoticeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NoticeListener.class);
    /** How long one wait for notifications lasts before the connection is checked with a query. */
    private static final int WAIT_MILLIS = 10_000;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final LiveNotices live;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    NoticeListener(DataSource dataSource, LiveNotices live) {
        this.dataSource = dataSource;
        this.live = live;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("notice-listener").start(this::listenUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                // Ends the wait for notifications at once (closing would wait for it to end).
                open.abort(Runnable::run);
            } catch (SQLException ignored) {
                // Closed already.
            }
        }
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
            try {
                listening.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the streams ({@link LiveNotices}, phase MAX_VALUE) and before the database pool. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    private void listenUntilStopped() {
        Duration pause = Duration.ofSeconds(1);
        boolean reconnecting = false;
        while (running) {
            try {
                PGConnection listening = connect();
                if (reconnecting) {
                    log.info("Listening for notifications again");
                    live.changedForEveryone();
                }
                pause = Duration.ofSeconds(1);
                reconnecting = false;
                receive(listening);
            } catch (SQLException | RuntimeException e) {
                closeQuietly();
                if (!running) {
                    return;
                }
                if (!reconnecting) {
                    log.warn("Lost the database connection that carries live notifications; retrying", e);
                }
                reconnecting = true;
                if (!sleep(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private PGConnection connect() throws SQLException {
        Connection opened = dataSource.getConnection();
        connection = opened;
        opened.setAutoCommit(true);
        // A connection that died without a word (a dropped network) fails this check instead of waiting forever.
        opened.setNetworkTimeout(Runnable::run, WAIT_MILLIS * 3);
        try (Statement statement = opened.createStatement()) {
            statement.execute("listen " + InboxChanges.CHANNEL);
        }
        return opened.unwrap(PGConnection.class);
    }

    private void receive(PGConnection listening) throws SQLException {
        while (running) {
            PGNotification[] heard = listening.getNotifications(WAIT_MILLIS);
            if (heard == null || heard.length == 0) {
                ping();
                continue;
            }
            for (PGNotification notification : heard) {
                try {
                    live.changed(Long.parseLong(notification.getParameter()));
                } catch (NumberFormatException ignored) {
                    // Not one of ours: the channel is Haina's, but anyone with SQL access may NOTIFY.
                }
            }
        }
    }

    private void ping() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
    }

    private void closeQuietly() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // It is broken anyway; the pool discards it.
            }
        }
    }

    private boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
