package io.haina.crm.platform.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestMailServer;
import io.haina.crm.testsupport.TestNotices;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import jakarta.mail.internet.MimeMessage;

/**
 * Tasks and reminders (S11, A12) and the to-do inbox: a reminder goes out once, in the app and by
 * e-mail, when its time comes; a task is seen by its assignee, its creator and whoever may read
 * its record, and changed by the first two only; the inbox lists follow-ups and tasks due.
 */
@HainaIntegrationTest
class TasksIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    final TestMailServer mail = new TestMailServer();

    @Autowired
    Tasks tasks;
    @Autowired
    TaskReminders reminders;
    @Autowired
    @Qualifier("taskRemindersTask")
    RecurringTask<Void> reminderJob;
    @Autowired
    FollowUps followUps;
    @Autowired
    TodoInbox inbox;
    @Autowired
    RecordService records;
    @Autowired
    TestOrg org;
    @Autowired
    TestNotices notices;
    @Autowired
    MutableClock clock;
    @LocalServerPort
    int port;

    long wang;
    long li;

    @BeforeEach
    void company() {
        org.admin();
        long repRole = org.role("销售").worksOwn("customer").create();
        wang = org.user("wang", "王小明", null, null, repRole);
        li = org.user("li", "李娜", null, null, repRole);
    }

    @Test
    void aReminderGoesOutOnceInTheAppAndByEmailWhenItsTimeComes() {
        OffsetDateTime due = now().plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        Task task = tasks.create(wang, new TaskDraft("给华为云回电话", null, due.toString(), "30", null, "high", null, null), SHANGHAI);
        assertThat(task.remindAt()).isEqualTo(due.minusMinutes(30));

        assertThat(reminders.sendDue()).as("not yet").isZero();
        clock.advance(Duration.ofMinutes(91));
        assertThat(reminders.sendDue()).isEqualTo(1);
        assertThat(reminders.sendDue()).as("once only").isZero();

        assertThat(notices.of(wang)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("TASK_DUE");
            assertThat(n.link()).isEqualTo("/tasks/" + task.id());
        });
        MimeMessage sent = mail.await(1, Duration.ofSeconds(15)).getFirst();
        assertThat(io.haina.crm.platform.notify.MailPartsAccess.subject(sent)).contains("给华为云回电话");
        assertThat(tasks.find(wang, task.id()).remindedAt()).isNotNull();
        assertThat(reminderJob.getName()).isEqualTo("task-reminders");
    }

    @Test
    void movingTheDueTimeRemindsAgainAndADoneTaskOrOneWithoutReminderIsNotReminded() {
        Task moved = tasks.create(wang, new TaskDraft("发报价", null, now().plusMinutes(10).toString(), "", null, null, null, null), SHANGHAI);
        tasks.create(wang, new TaskDraft("不提醒的", null, now().plusMinutes(10).toString(), "none", null, null, null, null), SHANGHAI);
        Task done = tasks.create(wang, new TaskDraft("已完成的", null, now().plusMinutes(10).toString(), "5", null, null, null, null), SHANGHAI);
        tasks.setDone(wang, done.id(), true);
        assertThat(reminders.sendDue()).as("15 minutes before by default: due now").isEqualTo(1);

        tasks.update(wang, moved.id(), tasks.find(wang, moved.id()).version(), new TaskDraft("发报价", null,
                now().plusDays(1).toString(), "15", null, null, null, null), SHANGHAI);
        clock.advance(Duration.ofDays(1));
        assertThat(reminders.sendDue()).isEqualTo(1);
        assertThat(notices.of(wang)).hasSize(2);
    }

    @Test
    void aTaskIsSeenByItsPeopleAndItsRecordsReadersAndChangedByItsPeopleOnly() {
        RecordData customer = records.create(wang, "customer", Map.of("name", "云帆网络"));
        Task about = tasks.create(wang, new TaskDraft("准备方案", null, now().plusDays(2).toString(), null, null, null,
                "customer", String.valueOf(customer.id())), SHANGHAI);
        Task given = tasks.create(wang, new TaskDraft("帮忙整理名片", null, now().plusDays(1).toString(), null,
                String.valueOf(li), null, null, null), SHANGHAI);

        assertThatThrownBy(() -> tasks.find(li, about.id())).isInstanceOf(NotFoundException.class);
        assertThat(tasks.find(li, given.id()).title()).isEqualTo("帮忙整理名片");
        assertThat(notices.of(li)).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo("TASK_ASSIGNED"));
        assertThat(tasks.setDone(li, given.id(), true).done()).isTrue();
        assertThatThrownBy(() -> tasks.setDone(li, about.id(), true)).isInstanceOf(NotFoundException.class);
        // A task about a customer li may not see is refused at the field, not created.
        assertThatThrownBy(() -> tasks.create(li, new TaskDraft("偷看", null, now().plusDays(1).toString(), null, null, null,
                "customer", String.valueOf(customer.id())), SHANGHAI))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("recordId"));
        records.shareWith(wang, "customer", customer.id(), li, false, null);
        assertThat(tasks.find(li, about.id()).title()).as("on the record's team now").isEqualTo("准备方案");
        assertThatThrownBy(() -> tasks.setDone(li, about.id(), true)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badInputIsRefusedAtEachField() {
        assertThatThrownBy(() -> tasks.create(wang, new TaskDraft(" ", null, "明天", "soon", "999999", "urgent", null, null), SHANGHAI))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactlyInAnyOrder("title", "dueAt", "remindBefore", "assigneeId", "priority"));
        assertThat(tasks.involving(wang, false, 10)).isEmpty();
    }

    @Test
    void theInboxListsFollowUpsDueAndTasksByUrgencyAndCountsWhatIsDueToday() {
        RecordData due = records.create(wang, "customer", Map.of("name", "今天要跟进的客户"));
        RecordData later = records.create(wang, "customer", Map.of("name", "下周再跟进的客户"));
        followUps.add(wang, "customer", due.id(), new FollowUpDraft("call", "约了今天下午", List.of(), null,
                now().plusMinutes(30).toString()), SHANGHAI);
        followUps.add(wang, "customer", later.id(), new FollowUpDraft("call", "下周再说", List.of(), null,
                now().plusDays(8).toString()), SHANGHAI);
        tasks.create(wang, new TaskDraft("昨天就该做的", null, now().minusDays(1).toString(), null, null, null, null, null), SHANGHAI);
        tasks.create(wang, new TaskDraft("三天后的", null, now().plusDays(3).toString(), null, null, null, null, null), SHANGHAI);
        clock.advance(Duration.ofHours(1));

        TodoReader reader = new TodoReader(wang, SHANGHAI, now());
        var lists = inbox.listsFor(reader);
        assertThat(lists).extracting(TodoList::key).startsWith("follow-ups-due", "tasks-overdue", "tasks-today", "tasks-coming");
        assertThat(items(lists, "follow-ups-due")).containsExactly("今天要跟进的客户");
        assertThat(items(lists, "tasks-overdue")).contains("昨天就该做的");
        assertThat(items(lists, "tasks-coming")).containsExactly("三天后的");
        assertThat(inbox.urgentCount(reader)).isEqualTo(items(lists, "follow-ups-due").size()
                + items(lists, "tasks-overdue").size() + items(lists, "tasks-today").size());
        assertThat(inbox.listsFor(new TodoReader(li, SHANGHAI, now())).stream().allMatch(l -> l.items().isEmpty())).isTrue();

        WebClient web = new WebClient(port);
        web.login("wang", TestOrg.PASSWORD);
        assertThat(web.get("/todo").body()).contains("今日待跟进", "今天要跟进的客户", "昨天就该做的").doesNotContain("下周再跟进的客户");
        assertThat(web.get("/todo/badge").body()).contains("data-count=\"" + inbox.urgentCount(reader) + "\"");
        assertThat(web.get("/").body()).contains("hx-get=\"/todo/badge\"");
    }

    @Test
    void theApiCreatesListsAndCompletesTasks() {
        WebClient api = new WebClient(port).language("en");
        String token = api.apiToken("wang", TestOrg.PASSWORD);

        var created = api.json("POST", "/api/v1/tasks", "{\"title\":\"Send the quote\",\"dueAt\":\"2099-05-01T10:00\",\"remindBefore\":60}", token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"remindAt\":\"2099-05-01T01:00:00Z\"", "\"status\":\"open\"");
        String id = created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
        assertThat(api.json("GET", "/api/v1/tasks", null, token).body()).contains("Send the quote");
        assertThat(api.json("POST", "/api/v1/tasks/" + id + "/done", null, token).body()).contains("\"status\":\"done\"");
        var refused = api.json("POST", "/api/v1/tasks", "{\"title\":\"\"}", token);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("title", "dueAt");
        String liToken = api.apiToken("li", TestOrg.PASSWORD);
        assertThat(api.json("GET", "/api/v1/tasks/" + id, null, liToken).statusCode()).isEqualTo(404);
    }

    private static List<String> items(List<TodoList> lists, String key) {
        return lists.stream().filter(l -> l.key().equals(key)).flatMap(l -> l.items().stream()).map(TodoItem::title).toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
