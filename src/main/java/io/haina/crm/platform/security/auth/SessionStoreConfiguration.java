package io.haina.crm.platform.security.auth;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in PostgreSQL, and every page view notes the session's last access there. Two
 * things keep that note cheap:
 * <ul>
 * <li>It is written at most once a minute per session: a page view within a minute of the last
 * note sends no statement at all ({@link MinuteTouchSessions}), and the update statement itself
 * changes no row then either (issue 3: with every page view writing a row version, WAL and vacuum
 * work grew with the traffic). The stored last access and expiry may then lag by up to a minute,
 * so an idle session may end up to a minute before its eight hours are up. A new session id
 * (sign-in), user, attribute or timeout is always written.</li>
 * <li>It is committed without waiting for the disk (synchronous_commit off for its transaction):
 * at worst a crash loses the last second of notes and a user signs in again, while every page
 * view is spared an fsync, about 1.7 ms here and more under load. Business data keeps the
 * server's durable commit.</li>
 * <li>Session statements run on their own, each committed as it runs, not in a transaction per
 * call to the session store (issue 3): a page view reads its session and notes the access with one
 * statement each, where a transaction around each added a COMMIT round trip, two per page. Every
 * statement is atomic by itself. Where a call writes several (a new session and its attributes,
 * or changed attributes), a failure between two leaves a session lacking the newer attributes,
 * which at worst signs its user out; Spring Session ran this way by default before 2.0.</li>
 * <li>They never join the caller's transaction. Spring Session saves the session when the response
 * is committed, and a download streamed from inside a read-only transaction commits its response
 * there: joined, the note failed as a write in a read-only transaction (the import's error report
 * broke this way), and in a writing one its relaxed commit would have relaxed the business data's
 * too. Any such transaction is suspended while the session statements run.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /** How stale the stored last access of a session may be before a page view writes it again. */
    static final Duration TOUCH_PRECISION = Duration.ofMinutes(1);

    /**
     * Spring Session's own update (its parameters in its order: session id, last access, timeout,
     * expiry, user, then the row's key), written only when the last note is a minute old or
     * something besides the time changed. Spring Session ignores how many rows it changed. The
     * one-row subquery also relaxes the commit of the transaction it runs in; the setting ends
     * with that transaction.
     */
    static final String UPDATE_SESSION_WITHOUT_WAITING_FOR_DISK = """
            UPDATE %TABLE_NAME% AS s
            SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time, PRINCIPAL_NAME = v.principal_name
            FROM (SELECT CAST(? AS varchar) AS session_id, CAST(? AS bigint) AS last_access_time,
                         CAST(? AS integer) AS max_inactive_interval, CAST(? AS bigint) AS expiry_time,
                         CAST(? AS varchar) AS principal_name, set_config('synchronous_commit', 'off', true) AS relaxed_commit) AS v
            WHERE s.PRIMARY_ID = ?
              AND (s.LAST_ACCESS_TIME < v.last_access_time - TOUCH_PRECISION_MS OR s.SESSION_ID <> v.session_id
                   OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name)
            """.replace("TOUCH_PRECISION_MS", Long.toString(TOUCH_PRECISION.toMillis())); // %TABLE_NAME% rules out formatted()

    /**
     * Taken by Spring Session by this name, instead of its template that opens a new transaction
     * per call. "Not supported" runs the statements outside any transaction, suspending the
     * caller's, on one connection from the pool. Not a default candidate: the application's own
     * {@code TransactionTemplate} stays Boot's, which backs off for any other bean of this type.
     */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
        TransactionTemplate outsideAnyTransaction = new TransactionTemplate(transactions);
        outsideAnyTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        return outsideAnyTransaction;
    }

    /**
     * The session filter and everything else that asks for the session store get it behind
     * {@link MinuteTouchSessions}. Wrapped after Boot has built and customised it, since Boot backs
     * off entirely when the application declares a session store of its own. The store's cleanup
     * and shutdown stay with the store itself.
     */
    @Bean
    static BeanPostProcessor sessionsTouchedOnceAMinute() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository store ? MinuteTouchSessions.around(store, TOUCH_PRECISION) : bean;
            }
        };
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTouchWithoutFsync() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_WITHOUT_WAITING_FOR_DISK);
    }
}
