package io.haina.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.Scene;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.WebClient;

/**
 * The demo company, loaded small: what a newcomer would look at first — people in a tree of
 * departments, a rep seeing only their own customers and a manager their team's, follow-ups
 * spread over months, records waiting in the pools, accounts that sign in — and a second load
 * that adds nothing.
 */
@HainaIntegrationTest
class DemoDataIntegrationTest {

    @Autowired
    DemoLoader loader;
    @Autowired
    RecordFinder finder;
    @Autowired
    Organization organization;
    @Autowired
    DSLContext db;
    @LocalServerPort
    int port;

    @Test
    void anEmptyHainaBecomesALivingCompanyOnceOnly() {
        DemoLoader.Result result = loader.loadIfEmpty(120, 150).orElseThrow();
        assertThat(result.users()).isEqualTo(21);
        assertThat(result.customers()).isGreaterThanOrEqualTo(120);
        assertThat(result.contacts()).isGreaterThanOrEqualTo(120);
        assertThat(result.followUps()).isPositive();
        assertThat(result.pooled()).isPositive();

        long rep = user("wang.xiaoming");
        long colleague = user("sun.li");
        long manager = user("chen.ming");
        List<RecordData> mine = finder.list(rep, "customer", RecordListRequest.of(null, null, null, null, null, 500)).items();
        // Their own, and what waits in the pools they belong to (no owner); never a colleague's.
        assertThat(mine).extracting(RecordData::ownerId).contains(rep).allMatch(owner -> owner == null || owner == rep);
        List<RecordData> team = finder.list(manager, "customer",
                RecordListRequest.of(null, null, Scene.SUBORDINATES.code(), null, null, 500)).items();
        Set<Long> teamOwners = team.stream().map(RecordData::ownerId).collect(Collectors.toSet());
        assertThat(teamOwners).contains(rep).doesNotContain(colleague);

        Long months = value("select count(distinct date_trunc('month', happened_at)) from follow_up", Long.class);
        assertThat(months).as("months with follow-ups").isGreaterThanOrEqualTo(3);
        assertThat(value("select min(created_at) from customer", OffsetDateTime.class))
                .isBefore(OffsetDateTime.now().minusDays(60));
        assertThat(db.fetchCount(db.selectFrom("customer").where("pool_id is not null"))).isPositive();
        assertThat(db.fetchCount(db.selectFrom("lead").where("pool_id is not null"))).isPositive();
        assertThat(db.fetchCount(db.selectFrom("lead").where("status = 'converted'"))).isEqualTo(result.converted());

        assertThat(new WebClient(port).login("wang.xiaoming", DemoOrganization.PASSWORD).statusCode()).isEqualTo(302);
        int customersBefore = db.fetchCount(db.selectFrom("customer"));
        assertThat(loader.loadIfEmpty(120, 150)).isEmpty();
        assertThat(db.fetchCount(db.selectFrom("customer"))).isEqualTo(customersBefore);
    }

    private <T> T value(String sql, Class<T> type, Object... bindings) {
        return db.fetchOne(sql, bindings).get(0, type);
    }

    private long user(String username) {
        return value("select id from app_user where username = ?", Long.class, username);
    }
}
