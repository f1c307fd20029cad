package io.haina.crm.platform.security.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.OwnerScope;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.org.OrgChart;
import io.haina.crm.platform.security.org.OrgChart.Member;
import io.haina.crm.platform.security.org.OrgChart.Unit;

/**
 * Whose records a user sees, on a sample company:
 * <pre>
 * 海纳 (1) ─┬─ 销售部 Sales (2) ─┬─ 华东 East (3)
 *           │                    └─ 华北 North (4)
 *           └─ 服务部 Service (5)
 *
 * CEO 10 (1)
 * ├─ salesDirector 11 (2)
 * │  ├─ eastLead 12 (3)
 * │  │  ├─ eastRep 13 (3)
 * │  │  └─ serviceLiaison 18 (5)   — reports to an East lead from another department
 * │  ├─ northRep 14 (4)
 * │  └─ eastAnalyst 17 (3)          — in East, but not under eastLead
 * └─ serviceAgent 15 (5)
 * loner 16 (no department, no manager)
 * </pre>
 */
class DataScopeTest {

    static final long CEO = 10, DIRECTOR = 11, EAST_LEAD = 12, EAST_REP = 13, NORTH_REP = 14, AGENT = 15, LONER = 16,
            ANALYST = 17, LIAISON = 18;

    final OrgChart chart = new OrgChart(
            List.of(new Unit(1, null), new Unit(2, 1L), new Unit(3, 2L), new Unit(4, 2L), new Unit(5, 1L)),
            List.of(new Member(CEO, 1L, null), new Member(DIRECTOR, 2L, CEO), new Member(EAST_LEAD, 3L, DIRECTOR),
                    new Member(EAST_REP, 3L, EAST_LEAD), new Member(NORTH_REP, 4L, DIRECTOR), new Member(AGENT, 5L, CEO),
                    new Member(LONER, null, null), new Member(ANALYST, 3L, DIRECTOR), new Member(LIAISON, 5L, EAST_LEAD)));

    @Test
    void selfIsOnlyTheUser() {
        assertThat(owners(EAST_REP, ScopeLevel.SELF)).containsExactly(EAST_REP);
    }

    @Test
    void subordinatesFollowTheManagerChainToAnyDepthAcrossDepartments() {
        assertThat(owners(EAST_LEAD, ScopeLevel.SELF_AND_SUBORDINATES)).containsExactlyInAnyOrder(EAST_LEAD, EAST_REP, LIAISON);
        assertThat(owners(DIRECTOR, ScopeLevel.SELF_AND_SUBORDINATES))
                .containsExactlyInAnyOrder(DIRECTOR, EAST_LEAD, EAST_REP, NORTH_REP, ANALYST, LIAISON);
        assertThat(owners(CEO, ScopeLevel.SELF_AND_SUBORDINATES)).doesNotContain(LONER).hasSize(8);
    }

    @Test
    void ownDepartmentIsEveryoneInItButNotInSubDepartments() {
        assertThat(owners(EAST_LEAD, ScopeLevel.DEPARTMENT)).containsExactlyInAnyOrder(EAST_LEAD, EAST_REP, ANALYST);
        assertThat(owners(DIRECTOR, ScopeLevel.DEPARTMENT)).containsExactly(DIRECTOR);
    }

    @Test
    void departmentAndChildrenReachesDownTheTree() {
        assertThat(owners(DIRECTOR, ScopeLevel.DEPARTMENT_AND_CHILDREN))
                .containsExactlyInAnyOrder(DIRECTOR, EAST_LEAD, EAST_REP, NORTH_REP, ANALYST);
        assertThat(owners(AGENT, ScopeLevel.DEPARTMENT_AND_CHILDREN)).containsExactlyInAnyOrder(AGENT, LIAISON);
    }

    @Test
    void aUserWithoutDepartmentStillSeesTheirOwnRecords() {
        assertThat(owners(LONER, ScopeLevel.DEPARTMENT)).containsExactly(LONER);
        assertThat(owners(LONER, ScopeLevel.DEPARTMENT_AND_CHILDREN)).containsExactly(LONER);
    }

    @Test
    void allIsEveryone() {
        assertThat(ScopeResolver.resolve(EAST_REP, Set.of(ScopeLevel.ALL), chart)).isEqualTo(OwnerScope.all());
    }

    @Test
    void severalRolesSeeTheUnionOfTheirScopes() {
        AccessProfile profile = new AccessProfile(List.of(
                role(false, "customer", Set.of(ObjectAction.VIEW), ScopeLevel.SELF_AND_SUBORDINATES),
                role(false, "customer", Set.of(ObjectAction.VIEW, ObjectAction.EDIT), ScopeLevel.DEPARTMENT)));

        OwnerScope scope = ScopeResolver.resolve(EAST_LEAD, profile.viewScopes("customer"), chart);

        assertThat(((OwnerScope.Owners) scope).ids()).containsExactlyInAnyOrder(EAST_LEAD, EAST_REP, ANALYST, LIAISON);
        assertThat(profile.can("customer", ObjectAction.EDIT)).isTrue();
        assertThat(profile.can("customer", ObjectAction.DELETE)).isFalse();
    }

    @Test
    void aGrantWithoutViewWidensNoScope() {
        AccessProfile profile = new AccessProfile(List.of(
                role(false, "customer", Set.of(ObjectAction.VIEW), ScopeLevel.SELF),
                role(false, "customer", Set.of(ObjectAction.EXPORT), ScopeLevel.ALL)));

        assertThat(profile.viewScopes("customer")).containsExactly(ScopeLevel.SELF);
    }

    @Test
    void noViewGrantMeansNobodysRecords() {
        AccessProfile profile = new AccessProfile(List.of(role(false, "lead", Set.of(ObjectAction.VIEW), ScopeLevel.ALL)));

        assertThat(profile.viewScopes("customer")).isEmpty();
        assertThat(profile.can("customer", ObjectAction.VIEW)).isFalse();
    }

    @Test
    void anAdministratorRoleSeesAndDoesEverything() {
        AccessProfile profile = new AccessProfile(List.of(new RoleGrants(1, true, Map.of())));

        assertThat(profile.viewScopes("anything")).containsExactly(ScopeLevel.ALL);
        assertThat(profile.can("anything", ObjectAction.DELETE)).isTrue();
    }

    @Test
    void managerAndDepartmentCyclesAreDetected() {
        assertThat(chart.managerWouldCycle(DIRECTOR, EAST_REP)).as("director under his own rep").isTrue();
        assertThat(chart.managerWouldCycle(EAST_LEAD, EAST_LEAD)).isTrue();
        assertThat(chart.managerWouldCycle(EAST_REP, NORTH_REP)).isFalse();
        assertThat(chart.managerWouldCycle(EAST_REP, null)).isFalse();
        assertThat(chart.moveWouldCycle(2, 3L)).as("Sales under its own East group").isTrue();
        assertThat(chart.moveWouldCycle(2, 2L)).isTrue();
        assertThat(chart.moveWouldCycle(3, 5L)).isFalse();
    }

    @Test
    void walksEndEvenOnDataThatLoops() {
        OrgChart looping = new OrgChart(List.of(new Unit(1, 2L), new Unit(2, 1L)),
                List.of(new Member(1, 1L, 2L), new Member(2, 2L, 1L)));

        assertThat(looping.subordinatesOf(1)).containsExactly(2L);
        assertThat(looping.departmentWithDescendants(1)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(looping.managerWouldCycle(3, 1L)).isFalse();
    }

    private Set<Long> owners(long user, ScopeLevel level) {
        return ((OwnerScope.Owners) ScopeResolver.resolve(user, Set.of(level), chart)).ids();
    }

    private static RoleGrants role(boolean admin, String object, Set<ObjectAction> actions, ScopeLevel scope) {
        return new RoleGrants(1, admin, Map.of(object, new RoleGrants.Grant(actions, scope)));
    }
}
