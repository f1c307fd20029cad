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
import io.haina.crm.platform.notify.inbox.UnreadCounts;

/**
 * Listens on PostgreSQL's {@value InboxChanges#CHANNEL} channel and hands each user id it hears to
 * {@link UnreadCounts} (which forgets the user's count) and {@link LiveNotices}. Every app instance listens, so a notice committed on one instance reaches
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
    /** How long one wait for notifications lasts before the loop checks whether to stop. */
    private static final int WAIT_MILLIS = 1_000;
    /** A quiet connection is checked with a query this often. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(15);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    /** How the listening connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "haina-notice-listener";

    private final DataSource dataSource;
    private final LiveNotices live;
    private final UnreadCounts counts;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    NoticeListener(DataSource dataSource, LiveNotices live, UnreadCounts counts) {
        this.dataSource = dataSource;
        this.live = live;
        this.counts = counts;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("notice-listener").start(this::listenUntilStopped);
    }

    /** The listening loop notices within a second and closes its connection itself. */
    @Override
    public void stop() {
        running = false;
        counts.hearingEveryChange(false);
        Thread listening = thread;
        if (listening != null) {
            try {
                listening.join(Duration.ofMillis(WAIT_MILLIS * 3L));
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
                counts.hearingEveryChange(true);
                if (reconnecting) {
                    log.info("Listening for notifications again");
                    live.changedForEveryone();
                }
                pause = Duration.ofSeconds(1);
                reconnecting = false;
                receive(listening);
            } catch (SQLException | RuntimeException e) {
                counts.hearingEveryChange(false);
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
        opened.setClientInfo("ApplicationName", APPLICATION_NAME);
        // A connection that died without a word (a dropped network) fails this check instead of waiting forever.
        opened.setNetworkTimeout(Runnable::run, (int) CHECK_EVERY.toMillis());
        try (Statement statement = opened.createStatement()) {
            statement.execute("listen " + InboxChanges.CHANNEL);
        }
        return opened.unwrap(PGConnection.class);
    }

    private void receive(PGConnection listening) throws SQLException {
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] heard = listening.getNotifications(WAIT_MILLIS);
            if (heard == null || heard.length == 0) {
                if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                    ping();
                    checked = System.nanoTime();
                }
                continue;
            }
            for (PGNotification notification : heard) {
                try {
                    long userId = Long.parseLong(notification.getParameter());
                    counts.changed(userId);
                    live.changed(userId);
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

    /** Back to the pool, the connection must not go on listening (nor keep its name). */
    private void closeQuietly() {
        Connection open = connection;
        connection = null;
        if (open == null) {
            return;
        }
        try (Statement statement = open.createStatement()) {
            statement.execute("discard all");
        } catch (SQLException broken) {
            // The pool discards a broken connection anyway.
        }
        try {
            open.close();
        } catch (SQLException ignored) {
            // Likewise.
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
