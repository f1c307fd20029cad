package io.haina.crm.platform.security.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Predicate;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.haina.crm.platform.security.org.UserAdminService;
import io.haina.crm.platform.security.org.UserStatus;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

@HainaIntegrationTest
class WebSignInIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    DSLContext db;
    @Autowired
    UserAdminService admin;
    @Autowired
    SessionRepository<? extends Session> sessions;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSignedInUserReachesHomeAndTheSessionLivesInPostgres() {
        org.admin();
        WebClient browser = new WebClient(port);

        HttpResponse<String> login = browser.login("admin", TestOrg.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("管理员").contains("海纳测试");
        assertThat(db.fetchCount(db.selectFrom("spring_session").where("principal_name = 'admin'"))).isEqualTo(1);
    }

    @Test
    void pageViewsNoteTheSessionsLastAccessAtMostOnceAMinute() throws InterruptedException {
        org.admin();
        WebClient browser = new WebClient(port);
        browser.login("admin", TestOrg.PASSWORD);
        browser.get("/");
        long noted = lastAccess();

        Thread.sleep(20);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(lastAccess()).as("a view within a minute of the last note writes nothing").isEqualTo(noted);
        assertThat(sessions).as("the store every page's session comes from sends no statement for such a view")
                .isInstanceOf(MinuteTouchSessions.class);

        // The last note two minutes old: the next view writes again, with its session's expiry.
        long twoMinutesAgo = noted - 120_000;
        db.execute("update spring_session set last_access_time = ?, expiry_time = expiry_time - 120000 where principal_name = 'admin'",
                twoMinutesAgo);
        long viewedAt = System.currentTimeMillis();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(lastAccess()).isGreaterThanOrEqualTo(viewedAt - 1_000);
        long expiry = db.fetchSingle("select expiry_time from spring_session where principal_name = 'admin'").get(0, Long.class);
        assertThat(expiry - lastAccess()).isEqualTo(8 * 3_600_000L);
    }

    private long lastAccess() {
        return db.fetchSingle("select last_access_time from spring_session where principal_name = 'admin'").get(0, Long.class);
    }

    /**
     * Spring Session saves the session when the response is committed, which a download streamed
     * from inside a read-only transaction does there (the import's error report did).
     */
    @Test
    void aSessionSavedInsideTheCallersTransactionIsStoredOutsideIt() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        String streaming = saveNewSessionWithin(readOnly, sessions, TransactionStatus::isReadOnly);
        String rolledBack = saveNewSessionWithin(new TransactionTemplate(transactions), sessions, status -> {
            status.setRollbackOnly();
            return true;
        });

        assertThat(sessions.findById(streaming)).as("saved within a read-only transaction").isNotNull()
                .extracting(session -> session.getAttribute("report")).isEqualTo("errors");
        assertThat(sessions.findById(rolledBack)).as("kept though the caller's transaction rolled back").isNotNull();
    }

    private static <S extends Session> String saveNewSessionWithin(TransactionTemplate caller, SessionRepository<S> store,
                                                                    Predicate<TransactionStatus> callerSays) {
        S session = store.createSession();
        session.setAttribute("report", "errors");
        caller.executeWithoutResult(status -> {
            store.save(session);
            assertThat(callerSays.test(status)).as("the caller's transaction is the one meant").isTrue();
        });
        return session.getId();
    }

    @Test
    void aWrongPasswordShowsTheReasonOnTheLoginPage() {
        org.admin();
        WebClient browser = new WebClient(port);

        HttpResponse<String> failed = browser.login("admin", "not-the-password");
        HttpResponse<String> page = browser.get(failed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));

        assertThat(page.body()).contains("用户名或密码错误");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void fiveFailuresLockTheFormTooEvenForTheRightPassword() {
        org.admin();
        WebClient browser = new WebClient(port).language("en");
        for (int i = 0; i < 5; i++) {
            browser.login("admin", "wrong-" + i);
        }

        browser.login("admin", TestOrg.PASSWORD);

        assertThat(browser.get("/login?error").body()).contains("locked for 15 minutes");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void everyPageRequiresSignIn() {
        org.admin();
        HttpResponse<String> response = new WebClient(port).get("/org/users");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        org.admin();
        WebClient browser = new WebClient(port);
        browser.login("admin", TestOrg.PASSWORD);

        HttpResponse<String> forged = browser.post("/org/departments", Map.of("name", "伪造", "_csrf", "forged"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(db.selectFrom("department").where("name = '伪造'"))).isZero();
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        HttpResponse<String> page = new WebClient(port).get("/setup");

        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'", "object-src 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void rememberMeSignsInANewBrowserSessionWithTheCookieAlone() {
        org.admin();
        WebClient browser = new WebClient(port);
        browser.get("/login");
        browser.post("/login", Map.of("username", "admin", "password", TestOrg.PASSWORD, "remember-me", "true"));
        HttpCookie remember = browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(SecurityConfiguration.REMEMBER_ME_COOKIE)).findFirst().orElseThrow();

        WebClient laterThatWeek = new WebClient(port);
        laterThatWeek.cookies().getCookieStore().add(java.net.URI.create("http://localhost:" + port), remember);

        assertThat(laterThatWeek.get("/").statusCode()).isEqualTo(200);
        assertThat(db.fetchCount(db.selectFrom("persistent_logins").where("username = 'admin'"))).isEqualTo(1);
        assertThat(db.fetchCount(db.selectFrom("login_log").where("channel = 'REMEMBER_ME' and success"))).isEqualTo(1);
    }

    @Test
    void aDisabledUserIsSignedOutEverywhereAndCannotSignInAgain() {
        org.admin();
        long repId = org.user("rep", "王小明", null, null);
        WebClient rep = new WebClient(port);
        rep.login("rep", TestOrg.PASSWORD);
        assertThat(rep.get("/").statusCode()).isEqualTo(200);

        admin.changeStatus(org.adminId(), repId, UserStatus.DISABLED);

        HttpResponse<String> next = rep.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(db.fetchCount(db.selectFrom("spring_session").where("principal_name = 'rep'"))).isZero();
        WebClient again = new WebClient(port);
        again.login("rep", TestOrg.PASSWORD);
        assertThat(again.get("/login?error").body()).contains("已停用或已离职");
        assertThat(db.fetchValue("select failure_reason from login_log where username = 'rep' order by id desc limit 1"))
                .isEqualTo("DISABLED");
    }

    @Test
    void theLanguageFollowsTheBrowserUntilTheUserChoosesAndThenStaysWithTheUser() {
        org.admin();
        WebClient browser = new WebClient(port).language("en-US,en;q=0.9");
        assertThat(browser.get("/login").body()).contains("Sign in").contains("lang=\"en\"");

        browser.login("admin", TestOrg.PASSWORD);
        browser.get("/");
        HttpResponse<String> switched = browser.post("/language", Map.of("lang", "zh-CN", "back", "/org/users?q=%E7%8E%8B"));
        assertThat(switched.headers().firstValue("Location").orElseThrow()).as("filters survive the switch")
                .endsWith("/org/users?q=%E7%8E%8B");
        assertThat(browser.get("/").body()).contains("lang=\"zh-CN\"").contains("首页");

        WebClient elsewhere = new WebClient(port).language("en");
        elsewhere.login("admin", TestOrg.PASSWORD);
        assertThat(elsewhere.get("/").body()).as("the choice travels with the user").contains("lang=\"zh-CN\"");
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        org.admin();
        WebClient browser = new WebClient(port).language("en");
        browser.login("admin", TestOrg.PASSWORD);
        browser.get("/account");

        HttpResponse<String> wrong = browser.post("/account/password", Map.of("currentPassword", "nope",
                "newPassword", "Quiet-River-Stone-77", "confirmPassword", "Quiet-River-Stone-77"));
        assertThat(wrong.body()).contains("The current password is wrong.");

        HttpResponse<String> ok = browser.post("/account/password", Map.of("currentPassword", TestOrg.PASSWORD,
                "newPassword", "Quiet-River-Stone-77", "confirmPassword", "Quiet-River-Stone-77"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(new WebClient(port).login("admin", "Quiet-River-Stone-77").headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");
    }
}
