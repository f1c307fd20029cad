package io.haina.crm.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.notify.inbox.Inbox;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestNotices;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * What a user sees of their notices over HTTP: the live stream of their unread count, the bell's
 * count and menu, the notifications page; and that nobody sees, streams or marks another's.
 */
@HainaIntegrationTest
class NotificationPagesIntegrationTest {

    static final NoticeKind TASK_DUE = NoticeKind.of("TASK_DUE");

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    Inbox inbox;
    @Autowired
    MutableClock clock;
    @Autowired
    DSLContext db;
    @Autowired
    TestNotices sent;

    long li;
    long bob;

    @BeforeEach
    void company() {
        TestOrg.Readers readers = org.readers();
        li = readers.li();
        bob = readers.bob();
    }

    @Test
    void theStreamTellsAConnectedPageItsUnreadCountWhenANoticeCommitsAndOnlyThen() throws Exception {
        WebClient web = new WebClient(port);
        web.login("bob", TestOrg.PASSWORD);
        HttpResponse<Stream<String>> stream = openStream(web);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
        try {
            assertThat(nextCount(lines)).as("the count when the page connects").isEqualTo("0");

            send(bob, "test.notice.plain");
            assertThat(nextCount(lines)).isEqualTo("1");

            sent.rollBack(Notice.to(bob, TASK_DUE).message("test.notice.plain"));
            send(li, "test.notice.plain");
            assertThat(lines.poll(1500, TimeUnit.MILLISECONDS)).as("nothing for a rollback or for someone else")
                    .satisfiesAnyOf(line -> assertThat(line).isNull(), line -> assertThat(line).doesNotStartWith("data:"));

            send(bob, "test.notice.plain");
            assertThat(nextCount(lines)).isEqualTo("2");
            web.get("/notifications");
            web.post("/notifications/read-all", Map.of());
            assertThat(nextCount(lines)).as("marked read elsewhere").isEqualTo("0");
        } finally {
            reader.interrupt();
            stream.body().close();
        }
    }

    @Test
    void theLiveCountOutlivesTheDatabaseConnectionItListensOn() throws Exception {
        WebClient web = new WebClient(port);
        web.login("bob", TestOrg.PASSWORD);
        HttpResponse<Stream<String>> stream = openStream(web);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
        try {
            assertThat(nextCount(lines)).isEqualTo("0");

            assertThat(db.fetchValue("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?",
                    "haina-notice-listener")).isEqualTo(1L);
            send(bob, "test.notice.plain");

            // Sent while nobody listened: the listener connects again and gives every open page its count
            // (that count may come twice, if the old connection still heard the notice before it closed).
            awaitCount(lines, "1");
            send(bob, "test.notice.plain");
            awaitCount(lines, "2");
        } finally {
            reader.interrupt();
            stream.body().close();
        }
    }

    @Test
    void theBellShowsTheCountWithThePageAndItsMenuTheLatestNoticesInTheReadersLanguage() {
        long first = send(bob, "test.notice.plain");
        // PostgreSQL keeps microseconds, rounded: a second more keeps "5 min" from reading as 4.
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        sent.commit(Notice.to(bob, TASK_DUE).message("test.notice.lead-assigned", "Acme <Robotics>", "Wang Jun").link("/account"));
        WebClient web = new WebClient(port).language("en");
        web.login("bob", TestOrg.PASSWORD);

        String home = web.get("/").body();
        assertThat(home).contains("id=\"notice-bell\"").containsPattern("id=\"notice-count\" data-count=\"2\">2</span>");

        String menu = web.get("/notifications/menu").body();
        assertThat(menu).contains("Wang Jun assigned you the lead \"Acme &lt;Robotics&gt;\".", "just now",
                "Your weekly report is ready.", "5 min ago", "Mark all read", "See all notifications");
        assertThat(menu.indexOf("Acme")).as("newest first").isLessThan(menu.indexOf("weekly report"));

        var opened = web.get("/notifications/" + first + "/open");
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/notifications");
        assertThat(web.get("/").body()).contains("data-count=\"1\"");
        web.get("/notifications");
        assertThat(web.post("/notifications/read-all", Map.of()).statusCode()).isEqualTo(302);
        assertThat(web.get("/notifications").body()).contains("All notifications are marked read.")
                .containsPattern("id=\"notice-count\" data-count=\"0\" hidden>");
    }

    @Test
    void theNotificationsPageListsNewestFirstTwentyAPageAndFiltersTheUnreadOnes() {
        for (int i = 1; i <= 25; i++) {
            sent.commit(Notice.to(li, TASK_DUE).message("test.notice.plain"));
            clock.advance(Duration.ofMinutes(1));
        }
        long oldest = inbox.page(li, false, 2).notices().getLast().id();
        inbox.markRead(li, oldest);
        WebClient web = new WebClient(port);
        web.login("li.na", TestOrg.PASSWORD);

        String first = web.get("/notifications").body();
        assertThat(first).contains("您的周报已生成。", "id=\"notice-older\"").doesNotContain("id=\"notice-newer\"");
        assertThat(first.split("class=\"haina-notice-row\"", -1)).hasSize(21);
        String second = web.get("/notifications?unread=false&page=2").body();
        assertThat(second.split("class=\"haina-notice-row\"", -1)).hasSize(6);
        assertThat(second).contains("id=\"notice-newer\"", "data-notice=\"" + oldest + "\"");
        String unread = web.get("/notifications?unread=true&page=2").body();
        assertThat(unread.split("class=\"haina-notice-row\"", -1)).hasSize(5);
        assertThat(unread).doesNotContain("data-notice=\"" + oldest + "\"");

        web.get("/notifications?unread=true");
        long newest = inbox.latest(li).getFirst().id();
        assertThat(web.post("/notifications/" + newest + "/read?unread=true&page=1", Map.of()).statusCode()).isEqualTo(302);
        assertThat(sent.unread(li)).isEqualTo(23);
    }

    @Test
    void nobodyReadsStreamsOrMarksAnotherUsersNotices() throws Exception {
        long lis = sent.commit(Notice.to(li, TASK_DUE).message("test.notice.lead-assigned", "华为云", "王经理").link("/o/lead/42"));
        WebClient bobs = new WebClient(port).language("en");
        bobs.login("bob", TestOrg.PASSWORD);

        assertThat(bobs.get("/notifications/" + lis + "/open").statusCode()).isEqualTo(404);
        bobs.get("/notifications");
        assertThat(bobs.post("/notifications/" + lis + "/read", Map.of()).statusCode()).isEqualTo(404);
        assertThat(bobs.get("/notifications/" + (lis + 1000) + "/open").statusCode()).as("the same for no notice at all")
                .isEqualTo(404);
        for (String page : new String[] {"/notifications", "/notifications?unread=true", "/notifications/menu", "/"}) {
            String body = bobs.get(page).body();
            assertThat(body).as(page).doesNotContain("华为云").doesNotContain("/o/lead/42");
        }
        assertThat(bobs.get("/").body()).contains("data-count=\"0\"");
        bobs.post("/notifications/read-all", Map.of());
        assertThat(sent.unread(li)).isEqualTo(1);

        WebClient anonymous = new WebClient(port);
        assertThat(anonymous.get("/notifications/stream").statusCode()).as("signed out").isEqualTo(302);
        assertThat(anonymous.get("/notifications/menu").statusCode()).isEqualTo(302);

        WebClient lisOwn = new WebClient(port);
        lisOwn.login("li.na", TestOrg.PASSWORD);
        var opened = lisOwn.get("/notifications/" + lis + "/open");
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/o/lead/42");
        assertThat(sent.unread(li)).isZero();
    }

    private long send(long userId, String key) {
        return sent.commit(Notice.to(userId, TASK_DUE).message(key));
    }

    private HttpResponse<Stream<String>> openStream(WebClient signedIn) throws Exception {
        return HttpClient.newBuilder().cookieHandler(signedIn.cookies()).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/notifications/stream"))
                        .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    private static void awaitCount(BlockingQueue<String> lines, String expected) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.equals("data:" + expected)) {
                return;
            }
        }
        throw new AssertionError("no count " + expected + " within 15 s");
    }

    /** The data of the next event, skipping the heartbeat comments and event names. */
    private static String nextCount(BlockingQueue<String> lines) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("data:")) {
                return line.substring("data:".length()).strip();
            }
        }
        throw new AssertionError("no event within 10 s");
    }
}
