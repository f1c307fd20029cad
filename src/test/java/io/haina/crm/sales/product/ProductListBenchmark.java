package io.haina.crm.sales.product;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.ServerTimes;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * The product list under load: {@code haina.bench.rows} products (1,000,000 by default), read
 * through the REST API and the list page by a sales manager whose scope covers half of them.
 * Reports, per scenario, latency percentiles with one client and with 16 concurrent ones,
 * throughput with 16, and the server's CPU time per request, beside the same first-page SQL run
 * bare over JDBC.
 *
 * <p>What is measured: the server's time per request ({@link ServerTimes}: from Haina's first
 * filter to its written answer), and beside it the time from writing a request to having read the
 * whole answer, as the client sees it over loopback. The client runs in the same JVM on the same
 * two cores, so under 16 clients its view also holds the time the server's answer waited for the
 * client's own threads to get a core. The client is kept cheap ({@link KeepAliveClient}: one kept-alive connection
 * per caller, the answer read to its end but not parsed) so that it takes little of the CPU the
 * server needs; every answer must be a 200. Each request is authenticated and goes the whole way
 * (security filters, access checks, SQL, JSON or HTML), after a warm-up that lets the JIT compile.
 * Server CPU (see {@code ServerCpu}) is the figure to compare between runs on a busy machine.
 *
 * <p>A benchmark, not a test: it asserts nothing about time. Run it with
 * {@code ./mvnw verify -DskipUnitTests -Dit.test=ProductListBenchmark [-Dhaina.bench.rows=N] [-Dhaina.bench.only=REGEX] [-Dhaina.bench.runs=3]};
 * the figures go to the console and to target/benchmarks/product-list.md.
 */
@HainaIntegrationTest
class ProductListBenchmark {

    static final int ROWS = Integer.getInteger("haina.bench.rows", 1_000_000);
    static final int SINGLE_REQUESTS = 400;
    static final int CONCURRENT_CLIENTS = 16;
    static final int CONCURRENT_REQUESTS = 300;
    /**
     * Each scenario is measured this many times in a row, and reported by its median run (by the
     * 16-client p95) with the lowest and highest 16-client p95 beside it: on two cores shared with
     * the database and the client, that p95 swings by ±10 ms between identical runs.
     */
    static final int RUNS = Integer.getInteger("haina.bench.runs", 3);
    /** Warm-up rounds: each makes requests for this long, with this many callers. */
    static final Duration WARM_UP_ROUND = Duration.ofSeconds(2);
    static final int WARM_UP_CALLERS = 4;
    /** The JIT has settled when a round compiles for less than this share of its time (of one core). */
    static final double SETTLED_COMPILE_SHARE = 0.02;
    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(90);
    /** Only the scenarios whose name this matches, when profiling one of them ({@code -Dhaina.bench.only=API first}). */
    static final Pattern ONLY = Pattern.compile(System.getProperty("haina.bench.only", ""));

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    DataSource dataSource;
    @Autowired
    ServerTimes serverTimes;

    @Test
    void productListFigures() throws Exception {
        org.admin();
        long east = org.department("华东区", null);
        long north = org.department("华北区", null);
        long managerRole = org.role("销售经理").grant("product", ScopeLevel.DEPARTMENT, ObjectAction.VIEW).create();
        List<Long> owners = new ArrayList<>();
        owners.add(org.user("manager", "张经理", east, null, managerRole));
        for (int i = 1; i < 40; i++) {
            owners.add(org.user("rep" + i, "销售" + i, i < 20 ? east : north, null));
        }
        double rowsPerSecond = ProductGenerator.load(dataSource, ROWS, owners, east);
        WebClient client = new WebClient(port);
        String token = client.json("POST", "/api/v1/auth/login",
                "{\"username\":\"manager\",\"password\":\"" + TestOrg.PASSWORD + "\"}", null).body()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        // Page 5,000 of 20 rows; a small run goes as deep as its rows allow.
        String deepCursor = cursorAt(owners.subList(0, 20), Math.min(99_980, ROWS / 2 - 21));

        List<String> report = new ArrayList<>();
        report.add("# Product list benchmark, " + String.format(Locale.ROOT, "%,d", ROWS) + " products");
        report.add("");
        report.add(String.format(Locale.ROOT, "Loaded with COPY at %,.0f rows/s. Reader: a manager whose scope covers 20 of 40 owners (half the rows).", rowsPerSecond));
        report.add("Server time is measured in the server, from its first filter to the written answer (see ServerTimes);");
        report.add("the client's own view (over loopback, on the same 2 cores, so also waiting while the client itself runs) is beside it.");
        report.add("Server CPU is the CPU time of the threads that carry the server's request threads, per request of the 16-client run:");
        report.add("unlike latency, it hardly depends on what else the machine runs (the client, the database, other builds).");
        report.add("");
        String base = "/api/v1/objects/product?limit=20";
        report.add("Warm-up (API and HTML first page, " + WARM_UP_CALLERS + " callers each): "
                + warmUp(api(token, base), page("/o/product")) + ".");
        report.add("");
        report.add("Each scenario is measured " + RUNS + " times in a row; its row is the run with the median 16-client p95,"
                + " with that p95's lowest and highest over the runs in brackets.");
        report.add("");
        report.add("| scenario | server time, 1 client: p50 / p95 / p99 ms | server time, 16 clients: p50 / p95 (range) / p99 ms "
                + "| seen by the client: p95 ms, 1 / 16 clients | 16 clients req/s | server CPU ms/req |");
        report.add("|---|---|---|---|---|---|");
        report.add(row("API first page", api(token, base)));
        report.add(row("API filtered: category eq software", api(token, base + "&filter=category%20eq%20software")));
        report.add(row("API filtered: price between 1000 and 2000, sorted by price",
                api(token, base + "&filter=list_price%20between%201000%20and%202000&sort=list_price")));
        report.add(row("API sorted by price (desc)", api(token, base + "&sort=-list_price")));
        report.add(row("API page 5,000 (keyset)", api(token, base + "&cursor=" + deepCursor)));
        report.add(row("API quick search 服务器 (Chinese)", api(token, base + "&q=%E6%9C%8D%E5%8A%A1%E5%99%A8")));
        report.add(row("API quick search Gateway (Latin)", api(token, base + "&q=Gateway")));
        report.add(row("API count, first page's total (fetched apart)", api(token, "/api/v1/objects/product/count")));
        report.add(row("API count, quick search 服务器", api(token, "/api/v1/objects/product/count?q=%E6%9C%8D%E5%8A%A1%E5%99%A8")));
        report.add(row("list page (HTML) first page", page("/o/product")));
        report.add(row("list page (HTML) filtered: category eq software", page("/o/product?filter=category%20eq%20software")));
        report.add(row("list page (HTML) page 5,000", page("/o/product?cursor=" + deepCursor)));
        report.add(row("list page (HTML) quick search 服务器", page("/o/product?q=%E6%9C%8D%E5%8A%A1%E5%99%A8")));
        report.add("");
        report.add(String.format(Locale.ROOT, "Bare SQL, the first page's query over JDBC with 16 threads: %,.0f queries/s.",
                bareSqlThroughput(owners.subList(0, 20))));
        report.removeIf(Objects::isNull);
        report.forEach(System.out::println);
        Path out = Path.of("target/benchmarks/product-list.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
    }

    /** One kind of request, made over a connection of its own per concurrent caller. */
    private interface Scenario {
        /** A caller with its own connection (and session): each call makes one request and reads the whole answer. */
        Runnable newCaller();
    }

    private Scenario api(String token, String path) {
        byte[] request = KeepAliveClient.get(port, path, "Accept: application/json", "Accept-Language: zh-CN",
                "Authorization: Bearer " + token);
        return () -> {
            KeepAliveClient client = new KeepAliveClient(port);
            return () -> client.send(request);
        };
    }

    /** The list page as the browser gets it, in a signed-in session of its own per caller. */
    private Scenario page(String path) {
        return () -> {
            WebClient browser = new WebClient(port);
            browser.login("manager", TestOrg.PASSWORD);
            String cookies = browser.cookies().getCookieStore().getCookies().stream()
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
            byte[] request = KeepAliveClient.get(port, path, "Accept: text/html", "Accept-Language: zh-CN",
                    "Cookie: " + cookies);
            KeepAliveClient client = new KeepAliveClient(port);
            return () -> client.send(request);
        };
    }

    /**
     * Requests before any is measured, as a server that has been running has had: PostgreSQL
     * caches the pages, and the JIT compiles the hot paths. On two shared cores the JIT goes on
     * compiling for tens of thousands of requests, and while it does it takes a quarter of the CPU
     * from the server it is measuring; so the warm-up goes on, round after round, until a round
     * leaves the JIT almost idle ({@link #SETTLED_COMPILE_SHARE}), or {@link #WARM_UP_LIMIT}.
     *
     * @return the warm-up's requests and seconds, for the report
     */
    private static String warmUp(Scenario... scenarios) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        List<Runnable> callers = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (int c = 0; c < WARM_UP_CALLERS; c++) {
                callers.add(scenario.newCaller());
            }
        }
        long start = System.nanoTime();
        long requests = 0;
        double compiledShare;
        do {
            long compiledBefore = jit.getTotalCompilationTime();
            long roundStart = System.nanoTime();
            requests += runFor(callers, WARM_UP_ROUND);
            compiledShare = (jit.getTotalCompilationTime() - compiledBefore) / ((System.nanoTime() - roundStart) / 1e6);
        } while (compiledShare > SETTLED_COMPILE_SHARE && System.nanoTime() - start < WARM_UP_LIMIT.toNanos());
        return String.format(Locale.ROOT, "%,d requests in %.0f s; the JIT compiled for %.1f%% of the last round",
                requests, (System.nanoTime() - start) / 1e9, compiledShare * 100);
    }

    /** Every caller calling, each on a thread of its own, for this long; how many calls they made. */
    private static long runFor(List<Runnable> callers, Duration duration) throws Exception {
        long until = System.nanoTime() + duration.toNanos();
        List<Callable<Long>> loops = callers.stream().map(caller -> (Callable<Long>) () -> {
            long calls = 0;
            while (System.nanoTime() < until) {
                caller.run();
                calls++;
            }
            return calls;
        }).toList();
        long calls = 0;
        try (var pool = Executors.newFixedThreadPool(loops.size())) {
            for (var done : pool.invokeAll(loops)) {
                calls += done.get();
            }
        }
        return calls;
    }

    /** The scenario's line of the table, or null when {@code haina.bench.only} leaves it out. */
    private String row(String name, Scenario scenario) throws Exception {
        if (!ONLY.matcher(name).find()) {
            return null;
        }
        Runnable caller = scenario.newCaller();
        for (int i = 0; i < 50; i++) {
            timed(caller);
        }
        List<Runnable> clients = new ArrayList<>();
        for (int c = 0; c < CONCURRENT_CLIENTS; c++) {
            clients.add(scenario.newCaller());
        }
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            runs.add(measure(caller, clients));
        }
        runs.sort(Comparator.comparingDouble(Run::concurrentServerP95));
        Run median = runs.get(runs.size() / 2);
        String range = RUNS == 1 ? "" : String.format(Locale.ROOT, " (%.1f–%.1f)", runs.getFirst().concurrentServerP95(),
                runs.getLast().concurrentServerP95());
        List<Double> concurrent = median.concurrentServer();
        String line = String.format(Locale.ROOT, "| %s | %s | %.1f / %.1f%s / %.1f | %.1f / %.1f | %,.0f | %.2f |", name,
                percentiles(median.singleServer()), at(concurrent, 0.50), at(concurrent, 0.95), range, at(concurrent, 0.99),
                median.singleClientP95(), median.concurrentClientP95(), median.perSecond(), median.serverCpuPerRequest());
        System.out.println(line);
        return line;
    }

    /** One run of a scenario's measurements; the server times sorted. */
    private record Run(List<Double> singleServer, List<Double> concurrentServer, double singleClientP95,
                       double concurrentClientP95, double perSecond, double serverCpuPerRequest) {

        double concurrentServerP95() {
            return at(concurrentServer, 0.95);
        }
    }

    /** One caller alone, then the 16 concurrent ones together, each over its own kept-alive connection. */
    private Run measure(Runnable caller, List<Runnable> clients) throws Exception {
        List<Double> single = new ArrayList<>();
        serverTimes.start();
        for (int i = 0; i < SINGLE_REQUESTS; i++) {
            single.add(timed(caller));
        }
        List<Double> singleServer = serverTimes.stop();
        ConcurrentLinkedQueue<Double> concurrent = new ConcurrentLinkedQueue<>();
        List<Callable<Void>> loops = clients.stream().map(own -> (Callable<Void>) () -> {
            for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
                concurrent.add(timed(own));
            }
            return null;
        }).toList();
        long start = System.nanoTime();
        long serverCpuBefore = ServerCpu.nanos();
        serverTimes.start();
        try (var pool = Executors.newFixedThreadPool(CONCURRENT_CLIENTS)) {
            for (var done : pool.invokeAll(loops)) {
                done.get();
            }
        }
        List<Double> concurrentServer = serverTimes.stop();
        double serverCpuMillis = (ServerCpu.nanos() - serverCpuBefore) / 1e6;
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(singleServer);
        Collections.sort(concurrentServer);
        return new Run(singleServer, concurrentServer, p95(single), p95(new ArrayList<>(concurrent)),
                concurrent.size() / seconds, serverCpuMillis / concurrent.size());
    }

    /**
     * CPU time the server spends on requests. Tomcat serves each request on a virtual thread, whose
     * own CPU time the JVM does not tell, so this sums the platform threads that carry virtual
     * threads (the client's threads are platform threads of their own) and Tomcat's connector
     * threads. Garbage collection and the JIT are left out; so is the database, a process of its own.
     */
    private static final class ServerCpu {

        private static final Pattern SERVER_THREAD = Pattern.compile("ForkJoinPool-\\d+-worker-\\d+|http-nio-.*");

        static long nanos() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread != null && SERVER_THREAD.matcher(thread.getThreadName()).matches()) {
                    sum += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
                }
            }
            return sum;
        }
    }

    /** Milliseconds of one call, answered 200 (the client throws on anything else). */
    private static double timed(Runnable caller) {
        long start = System.nanoTime();
        caller.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static String percentiles(List<Double> samples) {
        Collections.sort(samples);
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", at(samples, 0.50), at(samples, 0.95), at(samples, 0.99));
    }

    private static double p95(List<Double> samples) {
        Collections.sort(samples);
        return at(samples, 0.95);
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /** The keyset cursor after the record at this position of the default order (newest first). */
    private String cursorAt(List<Long> visibleOwners, int position) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id from product where owner_id = any(?) and deleted_at is null "
                     + "order by id desc offset ? limit 1")) {
            s.setArray(1, c.createArrayOf("bigint", visibleOwners.toArray()));
            s.setInt(2, position);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                // The cursor's own format: id, the total carried from the first page, no sort value.
                return Base64.getUrlEncoder().withoutPadding().encodeToString((rs.getLong(1) + ":10000+:")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private double bareSqlThroughput(List<Long> visibleOwners) throws Exception {
        String sql = "select * from product where deleted_at is null and owner_id = any(?) order by id desc limit 21";
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < CONCURRENT_CLIENTS; w++) {
            workers.add(() -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                    s.setArray(1, c.createArrayOf("bigint", visibleOwners.toArray()));
                    for (int i = 0; i < CONCURRENT_REQUESTS * 5; i++) {
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                rs.getString("name");
                            }
                        }
                    }
                }
                return CONCURRENT_REQUESTS * 5;
            });
        }
        long start = System.nanoTime();
        int total = 0;
        try (var pool = Executors.newFixedThreadPool(CONCURRENT_CLIENTS)) {
            for (var done : pool.invokeAll(workers)) {
                total += done.get();
            }
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
