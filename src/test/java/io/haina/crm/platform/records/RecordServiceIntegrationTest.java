package io.haina.crm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/** The record engine on Products: typed input, ownership, scope, locking, recycle bin, history. */
@HainaIntegrationTest
class RecordServiceIntegrationTest {

    @Autowired
    RecordService records;
    @Autowired
    TestOrg org;
    @Autowired
    DSLContext db;

    long admin;
    long manager;
    long rep;
    long otherRep;
    long visitor;
    long sales;

    @BeforeEach
    void company() {
        admin = org.admin();
        sales = org.department("销售部", null);
        long managerRole = org.role("销售经理").grant("product", ScopeLevel.SELF_AND_SUBORDINATES,
                ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT, ObjectAction.DELETE).create();
        long repRole = org.role("销售代表").grant("product", ScopeLevel.SELF,
                ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT).create();
        long visitorRole = org.role("访客").grant("user", ScopeLevel.SELF, ObjectAction.VIEW).create();
        manager = org.user("zhang", "张经理", sales, null, managerRole);
        rep = org.user("wang", "王小明", sales, manager, repRole);
        otherRep = org.user("li", "李娜", sales, null, repRole);
        visitor = org.user("guest", "访客", null, null, visitorRole);
    }

    @Test
    void inputIsReadAsPeopleTypeItAndTheCreatorOwnsTheRecord() {
        RecordData created = records.create(rep, "product", Map.of("name", "海纳服务器 X1", "code", "SRV-X1",
                "category", "hardware", "unit", "台", "list_price", "¥12,999.5", "active", "是"));

        assertThat(created.get("list_price")).isEqualTo(new BigDecimal("12999.50"));
        assertThat(created.get("active")).isEqualTo(true);
        assertThat(created.get("category")).isEqualTo("hardware");
        assertThat(created.ownerId()).isEqualTo(rep);
        assertThat(created.ownerDepartmentId()).isEqualTo(sales);
        assertThat(created.version()).isZero();
        assertThat(db.fetchOne("select list_price_currency from product").get(0, String.class)).isEqualTo("CNY");
    }

    @Test
    void everyBadFieldIsNamedAtOnceAndNothingIsWritten() {
        assertThatThrownBy(() -> records.create(rep, "product", Map.of("list_price", "十块", "category", "food",
                "name; drop table product", "x")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::messageKey)
                        .contains(tuple("name", "validation.required"),
                                tuple("list_price", "validation.number"),
                                tuple("category", "validation.picklist"),
                                tuple("name; drop table product", "record.error.unknown-field")));
        assertThat(db.fetchCount(db.selectFrom("product"))).isZero();
        assertThat(db.fetchCount(db.selectFrom("record_history"))).isZero();
    }

    @Test
    void aCodeIsUniqueWhateverItsCaseUntilItsProductIsDeleted() {
        RecordData first = records.create(rep, "product", Map.of("name", "A", "code", "SRV-1"));

        assertThatThrownBy(() -> records.create(rep, "product", Map.of("name", "B", "code", "srv-1")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("validation.duplicate"));

        records.delete(manager, "product", first.id());
        assertThat(records.create(rep, "product", Map.of("name", "B", "code", "srv-1")).get("code")).isEqualTo("srv-1");
    }

    @Test
    void someoneElsesRecordOutsideTheScopeIsNotFoundForEveryOperation() {
        long id = records.create(otherRep, "product", Map.of("name", "李娜的产品")).id();

        assertThatThrownBy(() -> records.read(rep, "product", id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> records.update(rep, "product", id, 0, Map.of("name", "改名")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> records.read(manager, "product", id)).as("not his subordinate")
                .isInstanceOf(NotFoundException.class);
        assertThat(records.read(otherRep, "product", id).get("name")).isEqualTo("李娜的产品");
    }

    @Test
    void aManagerReachesTheRecordsOfTheTeam() {
        long id = records.create(rep, "product", Map.of("name", "王小明的产品")).id();

        assertThat(records.read(manager, "product", id).get("name")).isEqualTo("王小明的产品");
        records.update(manager, "product", id, 0, Map.of("unit", "套"));
        assertThat(records.read(rep, "product", id).get("unit")).isEqualTo("套");
    }

    @Test
    void aRoleWithoutTheGrantIsRefusedBeforeAnyLookup() {
        long id = records.create(rep, "product", Map.of("name", "X")).id();

        assertThatThrownBy(() -> records.read(visitor, "product", id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> records.create(visitor, "product", Map.of("name", "Y"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> records.delete(rep, "product", id)).as("reps may not delete")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> records.read(rep, "no_such_object", id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStaleEditIsRefusedAndToldWhatChanged() {
        RecordData loaded = records.create(rep, "product", Map.of("name", "海纳 CRM 标准版", "list_price", "9800"));
        records.update(manager, "product", loaded.id(), loaded.version(), Map.of("list_price", "8800"));

        assertThatThrownBy(() -> records.update(rep, "product", loaded.id(), loaded.version(), Map.of("list_price", "10800")))
                .isInstanceOfSatisfying(StaleRecordException.class, e -> {
                    assertThat(e.currentVersion()).isEqualTo(1);
                    assertThat(e.changes()).singleElement().satisfies(change -> {
                        assertThat(change.field()).isEqualTo("list_price");
                        assertThat(new BigDecimal(change.from().toString())).isEqualByComparingTo("9800");
                        assertThat(new BigDecimal(change.to().toString())).isEqualByComparingTo("8800");
                    });
                });
        assertThat(records.read(rep, "product", loaded.id()).get("list_price")).isEqualTo(new BigDecimal("8800.00"));
    }

    @Test
    void deletedRecordsGoToTheRecycleBinAndOnlyAnAdministratorBringsThemBack() {
        long id = records.create(rep, "product", Map.of("name", "旧型号")).id();
        records.delete(manager, "product", id);

        assertThatThrownBy(() -> records.read(rep, "product", id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> records.restore(manager, "product", id)).isInstanceOf(AccessDeniedException.class);

        RecordData restored = records.restore(admin, "product", id);
        assertThat(restored.get("name")).isEqualTo("旧型号");
        assertThat(records.read(rep, "product", id).version()).isEqualTo(2);
    }

    @Test
    void everyChangeIsInTheHistoryFieldByField() {
        long id = records.create(rep, "product", Map.of("name", "A", "unit", "台")).id();
        Map<String, String> edit = new HashMap<>();
        edit.put("unit", "套");
        edit.put("name", "A");
        records.update(rep, "product", id, 0, edit);
        records.delete(manager, "product", id);

        var rows = db.fetch("select action, version, changed_by, changes::text from record_history where record_id = ? order by id", id);

        assertThat(rows).extracting(r -> r.get(0, String.class)).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(rows.get(1).get(1, Integer.class)).isEqualTo(1);
        assertThat(rows.get(1).get(3, String.class)).isEqualTo("{\"unit\": [\"台\", \"套\"]}");
        assertThat(rows.get(2).get(2, Long.class)).isEqualTo(manager);
    }

    @Test
    void businessRulesRunInsideTheWriteAndEventsFollowIt(@Autowired io.haina.crm.testsupport.ProbeHook rule) {
        rule.arm();
        RecordData created = records.create(rep, "product", Map.of("name", "海纳服务器 X1"));
        assertThat(created.get("unit")).as("the rule filled in a unit").isEqualTo("件");
        assertThatThrownBy(() -> records.update(rep, "product", created.id(), created.version(), Map.of("unit", "禁止")))
                .isInstanceOf(InvalidInputException.class);
        records.update(rep, "product", created.id(), created.version(), Map.of("unit", "台"));
        records.delete(manager, "product", created.id());

        assertThat(rule.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly("Created", "Updated", "Deleted");
        assertThat(((RecordEvent.Updated) rule.events().get(1)).changes()).extracting(FieldChange::field).containsExactly("unit");
        assertThatThrownBy(() -> records.read(rep, "product", created.id())).isInstanceOf(NotFoundException.class);
    }
}
