package io.haina.crm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.MutableClock;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Team members reach a record outside their scope, as far as their team access and its expiry say. */
@HainaIntegrationTest
class RecordTeamIntegrationTest {

    @Autowired
    RecordService records;
    @Autowired
    RecordFinder finder;
    @Autowired
    TestOrg org;
    @Autowired
    MutableClock clock;
    @LocalServerPort
    int port;

    long owner;
    long colleague;
    long reader;
    RecordData product;

    @BeforeEach
    void company() {
        org.admin();
        long repRole = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT).create();
        owner = org.user("wang", "王小明", null, null, repRole);
        colleague = org.user("li", "李娜", null, null, repRole);
        reader = org.user("zhao", "赵六", null, null, repRole);
        product = records.create(owner, "product", Map.of("name", "海纳服务器 X1"));
    }

    @Test
    void aReadOnlyMemberSeesTheRecordEverywhereButCannotChangeOrShareIt() {
        assertThatThrownBy(() -> records.read(colleague, "product", product.id())).isInstanceOf(NotFoundException.class);

        records.shareWith(owner, "product", product.id(), colleague, false, null);

        assertThat(records.read(colleague, "product", product.id()).get("name")).isEqualTo("海纳服务器 X1");
        assertThat(finder.list(colleague, "product", RecordListRequest.firstPage()).items()).extracting(RecordData::id)
                .containsExactly(product.id());
        assertThatThrownBy(() -> records.update(colleague, "product", product.id(), product.version(), Map.of("unit", "台")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> records.shareWith(colleague, "product", product.id(), reader, true, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> records.read(reader, "product", product.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEditMemberChangesTheRecordUntilTheAccessExpires() {
        records.shareWith(owner, "product", product.id(), colleague, true, OffsetDateTime.now(clock).plusDays(7));

        RecordData changed = records.update(colleague, "product", product.id(), product.version(), Map.of("unit", "台"));
        assertThat(changed.get("unit")).isEqualTo("台");
        assertThat(records.history(owner, "product", product.id())).extracting(RecordHistoryEntry::action)
                .contains("SHARED_EDIT", "UPDATED");

        clock.advance(Duration.ofDays(8));
        assertThatThrownBy(() -> records.read(colleague, "product", product.id())).isInstanceOf(NotFoundException.class);
        assertThat(finder.list(colleague, "product", RecordListRequest.firstPage()).items()).isEmpty();
    }

    @Test
    void removingAMemberAndBadRequestsLeaveNoAccessBehind() {
        records.shareWith(owner, "product", product.id(), colleague, false, null);
        records.unshare(owner, "product", product.id(), colleague);
        assertThatThrownBy(() -> records.read(colleague, "product", product.id())).isInstanceOf(NotFoundException.class);

        assertThatThrownBy(() -> records.shareWith(owner, "product", product.id(), 999_999L, false, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> records.shareWith(owner, "product", product.id(), colleague, false,
                OffsetDateTime.now(clock).minusDays(1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> records.shareWith(colleague, "product", product.id(), colleague, true, null))
                .as("nobody shares themselves into a record they cannot see").isInstanceOf(NotFoundException.class);
        assertThat(records.team(owner, "product", product.id())).isEmpty();
    }

    @Test
    void theApiManagesTheTeam() {
        JsonMapper json = JsonMapper.builder().build();
        WebClient client = new WebClient(port).language("en");
        String ownerToken = json.readTree(client.json("POST", "/api/v1/auth/login",
                "{\"username\":\"wang\",\"password\":\"" + TestOrg.PASSWORD + "\"}", null).body()).get("token").asString();
        String colleagueToken = json.readTree(client.json("POST", "/api/v1/auth/login",
                "{\"username\":\"li\",\"password\":\"" + TestOrg.PASSWORD + "\"}", null).body()).get("token").asString();
        String path = "/api/v1/objects/product/" + product.id();

        assertThat(client.json("GET", path, null, colleagueToken).statusCode()).isEqualTo(404);
        assertThat(client.json("PUT", path + "/team/" + colleague, "{\"canEdit\":false}", ownerToken).statusCode()).isEqualTo(204);
        assertThat(client.json("GET", path, null, colleagueToken).statusCode()).isEqualTo(200);
        assertThat(client.json("PATCH", path, "{\"version\":0,\"unit\":\"台\"}", colleagueToken).statusCode()).isEqualTo(403);
        assertThat(client.json("GET", path + "/team", null, colleagueToken).body()).contains("\"userId\":" + colleague);
        assertThat(client.json("DELETE", path + "/team/" + colleague, null, ownerToken).statusCode()).isEqualTo(204);
        assertThat(client.json("GET", path, null, colleagueToken).statusCode()).isEqualTo(404);
    }
}
