package io.haina.crm.sales.pool;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestOrg;

/**
 * The nightly pool round over {@code haina.bench.customers} customers (1,000,000 by default), owned
 * by 40 reps of one department, held for up to 91 days and last followed up at random within the
 * past 31 days (so that a night returns what went untouched for a thirtieth day: the steady state,
 * about 3%), a tenth of them won and some locked. One public pool with three rules (no follow-up for 30 days;
 * level C not won in 90 days; no new opportunity in 120 days) and a three-day warning. Times the
 * first round (which returns and warns) and a second one straight after (which must find nothing),
 * the goal being at most 60 s for the first. A benchmark, not a test: it asserts no time. Run it
 * with {@code ./mvnw verify -DskipUnitTests -Dit.test=PoolReturnBenchmark [-Dhaina.bench.customers=N]};
 * figures go to the console and to target/benchmarks/pool-return.md.
 */
@HainaIntegrationTest
class PoolReturnBenchmark {

    static final int CUSTOMERS = Integer.getInteger("haina.bench.customers", 1_000_000);
    private static final int CHUNK = 50_000;
    private static final String[] LEVELS = {"key", "a", "b", "c"};
    /** Customers have been held up to this long, and last followed up within this many days: a night in steady state. */
    private static final int HELD_DAYS = 91;
    private static final int FOLLOWED_WITHIN_DAYS = 31;

    @Autowired
    TestOrg org;
    @Autowired
    DataSource dataSource;
    @Autowired
    PoolSettings settings;
    @Autowired
    PoolRecycler recycler;
    @Autowired
    MutableClock clock;

    @Test
    void poolReturnFigures() throws Exception {
        long admin = org.admin();
        long east = org.department("华东区", null);
        long rep = org.role("销售代表").grant("customer", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.EDIT).create();
        List<Long> owners = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            owners.add(org.user("rep" + i, "销售" + i, east, null, rep));
        }
        settings.create(admin, new PoolDraft("customer", "华东公海", null, true, 3, null, null, false, null,
                List.of(PoolMember.department(east), PoolMember.user(admin, true)),
                List.of(new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 30, null, true, true),
                        new PoolRule(PoolRuleKind.NOT_WON, 90, "c", true, true),
                        new PoolRule(PoolRuleKind.NO_NEW_OPPORTUNITY, 120, null, true, true))));
        double rowsPerSecond = load(owners, east, OffsetDateTime.now(clock));

        long start = System.nanoTime();
        PoolRecycler.Round first = recycler.run();
        double firstSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        PoolRecycler.Round second = recycler.run();
        double secondSeconds = (System.nanoTime() - start) / 1e9;

        List<String> report = List.of(
                "# Pool return benchmark, " + String.format(Locale.ROOT, "%,d", CUSTOMERS) + " customers",
                "",
                String.format(Locale.ROOT, "Loaded with COPY at %,.0f rows/s; 40 owners, one pool with three rules and a 3-day warning.", rowsPerSecond),
                "",
                "| round | returned | warned | seconds | target |",
                "|---|---|---|---|---|",
                String.format(Locale.ROOT, "| first | %,d | %,d | %.1f | ≤ 60 s |", first.returned(), first.warned(), firstSeconds),
                String.format(Locale.ROOT, "| second, straight after | %,d | %,d | %.1f | nothing twice |", second.returned(), second.warned(), secondSeconds));
        report.forEach(System.out::println);
        Path file = Path.of("target", "benchmarks", "pool-return.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
    }

    /** Customers held since, and last followed up at, random moments of the past 200 days. */
    private double load(List<Long> owners, long departmentId, OffsetDateTime now) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int done = 0; done < CUSTOMERS; done += CHUNK) {
                StringBuilder rows = new StringBuilder(CHUNK * 160);
                for (int i = done; i < Math.min(CUSTOMERS, done + CHUNK); i++) {
                    long owner = owners.get(i % owners.size());
                    OffsetDateTime since = now.minusMinutes(random.nextInt(HELD_DAYS * 24 * 60));
                    OffsetDateTime recent = now.minusDays(FOLLOWED_WITHIN_DAYS);
                    OffsetDateTime from = since.isAfter(recent) ? since : recent;
                    OffsetDateTime followed = from.plusSeconds(random.nextLong(Math.max(1, now.toEpochSecond() - from.toEpochSecond())));
                    rows.append("客户").append(i).append(" 有限公司\t").append(LEVELS[random.nextInt(LEVELS.length)]).append('\t')
                            .append(random.nextInt(10) == 0 ? "won" : "none").append('\t')
                            .append(followed).append('\t')
                            .append(since).append('\t').append(random.nextInt(50) == 0 ? 't' : 'f').append('\t')
                            .append(owner).append('\t').append(departmentId).append('\t').append(owner).append('\t')
                            .append(owner).append('\t').append(since).append('\n');
                }
                copy.copyIn("copy customer (name, level, deal_status, last_follow_up_at, owner_since, return_locked, owner_id, "
                        + "owner_department_id, created_by, updated_by, created_at) from stdin", new StringReader(rows.toString()));
            }
            try (var statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("vacuum analyze customer");
                statement.execute("checkpoint");
            }
        }
        return CUSTOMERS / ((System.nanoTime() - start) / 1e9);
    }
}
