package io.haina.crm.platform.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * The calendar page shows the user's tasks and follow-ups on their days; the iCal feed serves the
 * same without signing in to whoever has its secret URL, and no longer once it is renewed.
 */
@HainaIntegrationTest
class CalendarIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Tasks tasks;
    @Autowired
    FollowUps followUps;
    @Autowired
    CalendarFeeds feeds;
    @Autowired
    RecordService records;
    @Autowired
    TestOrg org;
    @Autowired
    MutableClock clock;
    @LocalServerPort
    int port;

    long wang;

    @BeforeEach
    void company() {
        org.admin();
        long repRole = org.role("销售").worksOwn("customer").create();
        wang = org.user("wang", "王小明", null, null, repRole);
    }

    @Test
    void theCalendarAndTheFeedShowTasksAndFollowUpsAndARenewedFeedClosesTheOldUrl() throws Exception {
        RecordData customer = records.create(wang, "customer", Map.of("name", "北京海纳科技有限公司"));
        OffsetDateTime due = OffsetDateTime.now(clock).plusDays(1).truncatedTo(ChronoUnit.HOURS);
        tasks.create(wang, new TaskDraft("给客户发合同, 确认条款", null, due.toString(), "30", null, null, null, null), SHANGHAI);
        followUps.add(wang, "customer", customer.id(), new FollowUpDraft("visit", "上门拜访采购部", List.of(), null, null), SHANGHAI);

        WebClient web = new WebClient(port);
        web.login("wang", TestOrg.PASSWORD);
        String month = web.get("/calendar?date=" + due.atZoneSameInstant(SHANGHAI).toLocalDate()).body();
        assertThat(month).contains("给客户发合同, 确认条款", "id=\"feed-url\"");
        String day = due.atZoneSameInstant(SHANGHAI).toLocalDate().toString();
        assertThat(month.substring(month.indexOf("data-date=\"" + day + "\""))).contains("给客户发合同");
        assertThat(web.get("/calendar?view=week").body()).contains("上门拜访采购部");

        String secret = feeds.secretOf(wang);
        HttpResponse<String> feed = anonymous("/ical/" + secret + ".ics");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        var components = ICalendarTextTest.parse(feed.body());
        assertThat(components).filteredOn(c -> "VEVENT".equals(c.get("BEGIN"))).extracting(c -> c.get("SUMMARY"))
                .containsExactlyInAnyOrder("给客户发合同, 确认条款", "上门拜访采购部");
        assertThat(feed.body()).contains("SUMMARY:给客户发合同\\, 确认条款", "TRIGGER:-PT30M");

        web.get("/calendar");
        assertThat(web.post("/calendar/feed", Map.of()).statusCode()).isEqualTo(302);
        assertThat(anonymous("/ical/" + secret + ".ics").statusCode()).isEqualTo(404);
        assertThat(anonymous("/ical/" + feeds.secretOf(wang) + ".ics").statusCode()).isEqualTo(200);
        assertThat(anonymous("/ical/guessed.ics").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
