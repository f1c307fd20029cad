package io.haina.crm.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.haina.crm.platform.security.org.UserRepository;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestMailServer;
import io.haina.crm.testsupport.TestNotices;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import jakarta.mail.internet.MimeMessage;

/**
 * A notice sent in a business transaction: stored and e-mailed (in each recipient's own language)
 * only if that transaction commits, kept in the outbox while SMTP is down and sent by the retry
 * task once it is back, not e-mailed to whoever has no address or switched e-mails off.
 */
@HainaIntegrationTest
class NotificationsIntegrationTest {

    static final NoticeKind LEAD_ASSIGNED = NoticeKind.of("LEAD_ASSIGNED");
    static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    final TestMailServer mail = new TestMailServer();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    Notifications notifications;
    @Autowired
    UserRepository users;
    @Autowired
    DSLContext db;
    @Autowired
    MutableClock clock;
    @Autowired
    Scheduler scheduler;
    @Autowired
    @Qualifier("noticeMailRetryTask")
    RecurringTask<Void> retryTask;
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
    void aNoticeSentInACommittedTransactionIsStoredAndEmailedInEachRecipientsLanguage() {
        sent.commit(
                Notice.to(li, LEAD_ASSIGNED).message("test.notice.lead-assigned", "华为云", "王经理").link("/o/lead/42").alsoByEmail(),
                Notice.to(bob, LEAD_ASSIGNED).message("test.notice.lead-assigned", "Acme Robotics", "Wang Jun").link("/o/lead/43")
                        .alsoByEmail());

        Map<String, MimeMessage> byRecipient = mail.await(2, PATIENCE).stream()
                .collect(Collectors.toMap(MailParts::recipient, Function.identity()));
        MimeMessage chinese = byRecipient.get("li.na@example.com");
        MimeMessage english = byRecipient.get("bob@example.com");
        assertThat(byRecipient.keySet()).hasSize(2);
        assertThat(MailParts.recipientName(chinese)).isEqualTo("李娜");
        assertThat(MailParts.subject(chinese)).isEqualTo("【海纳 CRM】王经理 把线索“华为云”分配给了您。");
        assertThat(MailParts.plain(chinese)).contains("李娜，您好：", "王经理 把线索“华为云”分配给了您。",
                "打开查看：http://localhost:8080/o/lead/42", "在“我的账户”中关闭通知邮件：http://localhost:8080/account#notifications");
        assertThat(MailParts.html(chinese)).contains("<html lang=\"zh-CN\">", "href=\"http://localhost:8080/o/lead/42\"",
                "在海纳 CRM 中打开");
        assertThat(MailParts.subject(english)).isEqualTo("[Haina CRM] Wang Jun assigned you the lead \"Acme Robotics\".");
        assertThat(MailParts.plain(english)).contains("Hello Bob Smith,", "Open it: http://localhost:8080/o/lead/43");
        assertThat(MailParts.html(english)).contains("Wang Jun assigned you the lead \"Acme Robotics\".", "Open in Haina CRM");

        assertThat(sent.unread(li)).isEqualTo(1);
        assertThat(sent.unread(bob)).isEqualTo(1);
        assertThat(awaitOutbox(2, r -> "SENT".equals(r.get("status", String.class)))).hasSize(2);
    }

    @Test
    void aNoticeSentInARolledBackTransactionLeavesNothingAndSendsNothing() {
        sent.rollBack(Notice.to(li, LEAD_ASSIGNED).message("test.notice.lead-assigned", "回滚的线索", "王经理").alsoByEmail());
        // A notice committed after it is e-mailed; had the first one gone out, it would have gone out before.
        sent.commit(Notice.to(bob, LEAD_ASSIGNED).message("test.notice.plain").alsoByEmail());

        List<MimeMessage> received = mail.await(1, PATIENCE);
        pause(Duration.ofSeconds(1));
        assertThat(mail.received()).hasSize(1);
        assertThat(MailParts.recipient(received.getFirst())).isEqualTo("bob@example.com");
        assertThat(sent.unread(li)).isZero();
        assertThat(sent.of(li)).isEmpty();
        assertThat(db.fetchCount(table(name("notification")), field(name("user_id")).eq(li))).isZero();
        assertThat(outbox()).hasSize(1);
        assertThat(db.fetchCount(table(name("scheduled_tasks")), field(name("task_name")).eq("notice-mail"))).isZero();
    }

    @Test
    void whileSmtpIsDownTheOutboxKeepsTheEmailWithItsErrorAndTheRetryTaskSendsItOnceSmtpIsBack() {
        mail.down();
        long id = sent.commit(Notice.to(bob, LEAD_ASSIGNED).message("test.notice.lead-assigned", "Acme Robotics", "Wang Jun")
                .alsoByEmail());

        Record failed = awaitOutbox(r -> r.get("attempts", Integer.class) == 1 && r.get("last_error") != null);
        assertThat(failed.get("status", String.class)).isEqualTo("PENDING");
        assertThat(failed.get("last_error", String.class)).containsIgnoringCase("connect");
        assertThat(failed.get("notification_id", Long.class)).isEqualTo(id);
        assertThat(mail.received()).isEmpty();
        assertThat(sent.unread(bob)).as("the notice itself is there").isEqualTo(1);

        // Not due yet: the retry task leaves it alone.
        runRetryTask();
        pause(Duration.ofSeconds(1));
        assertThat(outbox().getFirst().get("attempts", Integer.class)).isEqualTo(1);

        mail.up();
        clock.advance(Duration.ofMinutes(2));
        runRetryTask();

        MimeMessage sent = mail.await(1, PATIENCE).getFirst();
        assertThat(MailParts.subject(sent)).isEqualTo("[Haina CRM] Wang Jun assigned you the lead \"Acme Robotics\".");
        Record done = awaitOutbox(r -> "SENT".equals(r.get("status", String.class)));
        assertThat(done.get("attempts", Integer.class)).isEqualTo(2);
        assertThat(done.get("last_error", String.class)).isNull();
        runRetryTask();
        pause(Duration.ofSeconds(1));
        assertThat(mail.received()).as("sent once").hasSize(1);
    }

    @Test
    void noEmailGoesToWhoeverHasNoAddressOrSwitchedEmailsOffOnTheAccountPage() {
        long carol = org.user("carol", "Carol", null, null);
        users.setLocale(carol, "en");
        db.update(table(name("app_user"))).set(field(name("email"), String.class), (String) null)
                .where(field(name("id")).eq(li)).execute();
        WebClient web = new WebClient(port).language("en");
        web.login("bob", TestOrg.PASSWORD);
        assertThat(web.get("/account").body()).contains("Also e-mail me my notifications")
                .containsPattern("id=\"emailNotifications\"[^>]*checked");
        assertThat(web.post("/account/notifications", Map.of()).statusCode()).isEqualTo(302);
        assertThat(web.get("/account").body()).doesNotContainPattern("id=\"emailNotifications\"[^>]*checked");

        sent.commit(List.of(li, bob, carol).stream()
                .map(user -> Notice.to(user, LEAD_ASSIGNED).message("test.notice.plain").alsoByEmail()).toArray(Notice[]::new));

        MimeMessage only = mail.await(1, PATIENCE).getFirst();
        pause(Duration.ofSeconds(1));
        assertThat(mail.received()).hasSize(1);
        assertThat(MailParts.recipient(only)).isEqualTo("carol@example.com");
        assertThat(List.of(sent.unread(li), sent.unread(bob), sent.unread(carol))).containsOnly(1);

        // Switched on again, e-mails come again.
        web.get("/account");
        web.post("/account/notifications", Map.of("emailNotifications", "true"));
        sent.commit(Notice.to(bob, LEAD_ASSIGNED).message("test.notice.plain").alsoByEmail());
        assertThat(mail.await(2, PATIENCE)).extracting(MailParts::recipient).containsExactlyInAnyOrder("carol@example.com", "bob@example.com");
    }

    @Test
    void aNoticeWithoutEmailIsOnlyShownInTheApp() {
        sent.commit(Notice.to(bob, LEAD_ASSIGNED).message("test.notice.plain"));

        assertThat(sent.unread(bob)).isEqualTo(1);
        assertThat(outbox()).isEmpty();
    }

    @Test
    void aNoticeToNobodyOrWithAnUnknownTextIsRefusedAndTheSendersTransactionRollsBack() {
        assertThatThrownBy(() -> notifications.send(Notice.to(999_999, LEAD_ASSIGNED).message("test.notice.plain")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notifications.send(Notice.to(bob, LEAD_ASSIGNED).message("test.notice.typo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.notice.typo");
        assertThatThrownBy(() -> Notice.to(bob, LEAD_ASSIGNED).link("//evil.example.com/phish"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sent.unread(bob)).isZero();
    }

    /** Runs the retry sweep now, as its schedule would (tests empty the schedule table before each test). */
    private void runRetryTask() {
        TaskInstanceId sweep = TaskInstanceId.of(retryTask.getName(), RecurringTask.INSTANCE);
        if (scheduler.getScheduledExecution(sweep).isPresent()) {
            scheduler.reschedule(sweep, Instant.now());
        } else {
            scheduler.scheduleIfNotExists(retryTask.instance(RecurringTask.INSTANCE), Instant.now());
        }
        scheduler.triggerCheckForDueExecutions();
    }

    private List<Record> outbox() {
        return db.select().from(table(name("notification_mail"))).orderBy(field(name("id"))).fetch();
    }

    private Record awaitOutbox(java.util.function.Predicate<Record> condition) {
        return awaitOutbox(1, condition).getFirst();
    }

    /** The outbox once it holds that many rows, each meeting the condition (the sender marks a row after the SMTP server took it). */
    private List<Record> awaitOutbox(int count, java.util.function.Predicate<Record> condition) {
        Instant until = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(until)) {
            List<Record> rows = outbox();
            if (rows.size() == count && rows.stream().allMatch(condition)) {
                return rows;
            }
            pause(Duration.ofMillis(100));
        }
        throw new AssertionError("the outbox never got there: " + outbox());
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
