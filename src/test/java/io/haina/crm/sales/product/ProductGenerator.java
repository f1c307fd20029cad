package io.haina.crm.sales.product;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * Loads synthetic products fast with COPY, in chunks: realistic Chinese and English names,
 * categories, prices and costs, owned round-robin by the given users.
 */
public final class ProductGenerator {

    private static final String[] CHINESE = {"海纳服务器", "云存储网关", "智能客服坐席", "企业邮箱", "数据备份一体机", "安全网关",
            "销售自动化套件", "视频会议终端", "工业传感器", "财务软件"};
    private static final String[] ENGLISH = {"Haina Server", "Cloud Gateway", "Service Desk Seat", "Mail Suite",
            "Backup Appliance", "Security Gateway", "Sales Automation", "Video Terminal", "Sensor Kit", "Ledger Pro"};
    private static final String[] CATEGORIES = {"hardware", "software", "service", "subscription", "other"};
    private static final String[] UNITS = {"台", "套", "年", "个", "license"};
    private static final int CHUNK = 50_000;

    private ProductGenerator() {
    }

    /** Inserts {@code count} products; returns how many rows per second the load ran at. */
    public static double load(DataSource dataSource, int count, List<Long> owners, long departmentId) throws SQLException, IOException {
        SplittableRandom random = new SplittableRandom(42);
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int done = 0; done < count; done += CHUNK) {
                StringBuilder rows = new StringBuilder(CHUNK * 120);
                for (int i = done; i < Math.min(count, done + CHUNK); i++) {
                    int kind = random.nextInt(CHINESE.length);
                    String name = (random.nextBoolean() ? CHINESE[kind] : ENGLISH[kind]) + " " + (char) ('A' + random.nextInt(26)) + i;
                    long owner = owners.get(i % owners.size());
                    long price = 100 + random.nextInt(200_000);
                    rows.append(name).append('\t').append("P-").append(i).append('\t')
                            .append(CATEGORIES[random.nextInt(CATEGORIES.length)]).append('\t')
                            .append(UNITS[random.nextInt(UNITS.length)]).append('\t')
                            .append(price).append(".00\t").append(price * 6 / 10).append(".00\t")
                            .append(random.nextInt(10) > 0 ? 't' : 'f').append('\t')
                            .append(owner).append('\t').append(departmentId).append('\t').append(owner).append('\t').append(owner)
                            .append('\n');
                }
                copy.copyIn("copy product (name, code, category, unit, list_price, cost, active, owner_id, "
                        + "owner_department_id, created_by, updated_by) from stdin", new StringReader(rows.toString()));
            }
            // What autovacuum would have done after such a load on a live system: statistics for the
            // planner, and the visibility map that lets counts read the index alone.
            try (var statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("vacuum analyze product");
                // Write the load's dirty pages now, not during the first measurements.
                statement.execute("checkpoint");
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
