package io.haina.crm.sales.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.records.SystemRecords.FieldValue;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;

/**
 * Chooses the user a rule gives a lead to. The caller holds the rule's row lock (see
 * {@link AssignmentRuleRepository#lockForAssignment}) and passes whom the rule chose last, so
 * that concurrent leads are handed out one after the other.
 */
@Component
class AssigneePicker {

    /** Leads that are no one's work any more do not count as load. */
    static final List<FieldValue> NOT_OPEN = List.of(new FieldValue("status", "converted"), new FieldValue("status", "invalid"));

    private final Organization organization;
    private final Permissions permissions;
    private final SystemRecords system;

    AssigneePicker(Organization organization, Permissions permissions, SystemRecords system) {
        this.organization = organization;
        this.permissions = permissions;
        this.system = system;
    }

    /**
     * The user the target gives the next lead to, never {@code except} (the owner a lead is taken
     * from); empty when nobody fits (the user left, the department has no one who may read leads).
     *
     * @param lastUserId    whom the rule chose last: round-robin goes on after them, least loaded
     *                      breaks ties the same way
     * @param heldBy        who holds the lead now (its creator): the lead is not counted as their load
     */
    Optional<Long> pick(AssignmentRule.Target target, Optional<Long> lastUserId, Long except, Long heldBy) {
        return switch (target.kind()) {
            case USER -> Optional.ofNullable(target.userId()).filter(this::mayTakeLeads).filter(u -> !u.equals(except));
            case ROUND_ROBIN -> inTurn(candidates(target.departmentId(), except), lastUserId).stream().findFirst();
            case LEAST_LOADED -> leastLoaded(inTurn(candidates(target.departmentId(), except), lastUserId), heldBy);
            case POOL -> Optional.empty();
        };
    }

    /** The department's (and its sub-departments') active users who may read leads, by id. */
    List<Long> candidates(long departmentId, Long except) {
        return organization.usersUnder(departmentId).stream().filter(this::mayTakeLeads)
                .filter(u -> !u.equals(except)).sorted().toList();
    }

    /** The candidates in turn: those after the last one chosen, then from the start. */
    static List<Long> inTurn(List<Long> candidates, Optional<Long> lastUserId) {
        if (lastUserId.isEmpty()) {
            return candidates;
        }
        List<Long> turn = new ArrayList<>(candidates.stream().filter(u -> u > lastUserId.get()).toList());
        candidates.stream().filter(u -> u <= lastUserId.get()).forEach(turn::add);
        return turn;
    }

    /** The first of the candidates (in turn) with the fewest open leads. */
    private Optional<Long> leastLoaded(List<Long> inTurn, Long heldBy) {
        if (inTurn.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Integer> load = system.ownedCounts(AssignmentRules.LEAD, inTurn, NOT_OPEN);
        if (heldBy != null) {
            load.computeIfPresent(heldBy, (user, count) -> Math.max(0, count - 1));
        }
        Long best = inTurn.getFirst();
        for (Long user : inTurn) {
            if (load.get(user) < load.get(best)) {
                best = user;
            }
        }
        return Optional.of(best);
    }

    private boolean mayTakeLeads(long userId) {
        return organization.isActiveUser(userId) && permissions.can(userId, AssignmentRules.LEAD, ObjectAction.VIEW);
    }
}
