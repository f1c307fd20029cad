package io.haina.crm.sales.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.marketing.WebFormNames;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.metadata.PicklistOption;
import io.haina.crm.platform.security.AdminOperation;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.sales.pool.Pool;
import io.haina.crm.sales.pool.PoolDirectory;

/**
 * Administrators keep the assignment rules: create, change, switch off, delete, put in order, and
 * say whether rules also take leads typed in by hand. Every change is checked whole (all problems
 * at once, nothing saved while one remains) and written to the admin log.
 */
@Service
@Transactional
public class AssignmentRules {

    static final String LEAD = "lead";
    static final int MAX_NAME = 100;
    static final int MAX_HOURS = 2160;
    static final int MAX_REGIONS = 50;
    static final int MAX_REGION_LENGTH = 40;

    private final AssignmentRuleRepository rules;
    private final Permissions permissions;
    private final Organization organization;
    private final ObjectRegistry objects;
    private final PoolDirectory pools;
    private final WebFormNames webForms;
    private final ApplicationEventPublisher events;

    AssignmentRules(AssignmentRuleRepository rules, Permissions permissions, Organization organization,
                    ObjectRegistry objects, PoolDirectory pools, WebFormNames webForms, ApplicationEventPublisher events) {
        this.rules = rules;
        this.permissions = permissions;
        this.organization = organization;
        this.objects = objects;
        this.pools = pools;
        this.webForms = webForms;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<AssignmentRule> all(long actorId) {
        requireAdministrator(actorId);
        return rules.all();
    }

    @Transactional(readOnly = true)
    public AssignmentRule get(long actorId, long id) {
        requireAdministrator(actorId);
        return rules.find(id).orElseThrow(() -> new NotFoundException("assignment rule " + id));
    }

    /** A new rule, asked after the others. */
    public AssignmentRule create(long actorId, AssignmentRuleDraft draft) {
        return create(actorId, draft, null);
    }

    /** A new rule, asked at {@code position} (1 = first; null or past the end: last). */
    public AssignmentRule create(long actorId, AssignmentRuleDraft draft, Integer position) {
        requireAdministrator(actorId);
        AssignmentRuleDraft checked = check(draft, null, position);
        long id = saved(() -> rules.insert(checked, actorId));
        if (position != null) {
            placeAt(id, position);
        }
        log(actorId, "ASSIGNMENT_RULE_CREATED", id, checked.name());
        return rules.find(id).orElseThrow();
    }

    /** Saves the draft if nobody changed the rule since {@code expectedVersion} was read. */
    public AssignmentRule update(long actorId, long id, int expectedVersion, AssignmentRuleDraft draft) {
        return update(actorId, id, expectedVersion, draft, null);
    }

    /** Saves the draft and, with a {@code position}, moves the rule there. */
    public AssignmentRule update(long actorId, long id, int expectedVersion, AssignmentRuleDraft draft, Integer position) {
        AssignmentRule current = get(actorId, id);
        AssignmentRuleDraft checked = check(draft, id, position);
        if (!saved(() -> rules.update(id, expectedVersion, checked))) {
            throw new ConflictException("validation.stale", current.name());
        }
        if (position != null) {
            placeAt(id, position);
        }
        log(actorId, "ASSIGNMENT_RULE_CHANGED", id, checked.name());
        return rules.find(id).orElseThrow();
    }

    /**
     * Deletes the rule. Leads it assigned keep their owners; escalations it started stop, as the
     * deadline they followed is gone (switching a rule off instead keeps them running).
     */
    public void delete(long actorId, long id) {
        AssignmentRule current = get(actorId, id);
        rules.delete(id);
        rules.reorder(rules.lockOrder());
        log(actorId, "ASSIGNMENT_RULE_DELETED", id, current.name());
    }

    /** Moves the rule one place earlier ({@code up}) or later in the order; at either end nothing moves. */
    public void move(long actorId, long id, boolean up) {
        requireAdministrator(actorId);
        List<Long> order = new ArrayList<>(rules.lockOrder());
        int at = order.indexOf(id);
        if (at < 0) {
            throw new NotFoundException("assignment rule " + id);
        }
        int to = up ? at - 1 : at + 1;
        if (to >= 0 && to < order.size()) {
            java.util.Collections.swap(order, at, to);
            rules.reorder(order);
        }
    }

    /** Puts the rule at a place in the order, 1 for first (past the end: last). */
    private void placeAt(long id, int position) {
        List<Long> order = new ArrayList<>(rules.lockOrder());
        if (!order.remove(id)) {
            throw new NotFoundException("assignment rule " + id);
        }
        order.add(Math.min(position - 1, order.size()), id);
        rules.reorder(order);
    }

    /** Whether rules also take leads typed in on the lead form (web forms, imports and the API always). */
    @Transactional(readOnly = true)
    public boolean appliesToHandEntered(long actorId) {
        requireAdministrator(actorId);
        return rules.appliesToHandEntered();
    }

    public void setAppliesToHandEntered(long actorId, boolean on) {
        requireAdministrator(actorId);
        rules.setAppliesToHandEntered(on);
        events.publishEvent(new AdminOperation(actorId, "ASSIGNMENT_SETTINGS_CHANGED", "assignment_rule", 0,
                "", Map.of("applyToHandEntered", on)));
    }

    // ---- what a form offers ---------------------------------------------------------------------

    /** The options of one of the lead's picklists a condition may name (industry, company_size, source). */
    @Transactional(readOnly = true)
    public List<PicklistOption> leadOptions(String field) {
        return objects.find(LEAD).flatMap(o -> o.field(field))
                .map(f -> f.type() instanceof FieldType.Picklist p ? p.options() : List.<PicklistOption>of())
                .orElse(List.of());
    }

    /** The active lead pools a rule may send leads to. */
    @Transactional(readOnly = true)
    public List<Pool> leadPools() {
        return pools.active(LEAD);
    }

    /** The web forms a rule may be limited to. */
    @Transactional(readOnly = true)
    public Map<Long, String> webForms() {
        return webForms.all();
    }

    /** The active users who may read leads: whom a rule may give them to. */
    @Transactional(readOnly = true)
    public Map<Long, String> assignableUsers() {
        Map<Long, String> users = new java.util.LinkedHashMap<>();
        organization.activeUsers().forEach((id, name) -> {
            if (permissions.can(id, LEAD, ObjectAction.VIEW)) {
                users.put(id, name);
            }
        });
        return users;
    }

    // ---- checks ---------------------------------------------------------------------------------

    /**
     * The draft as it will be saved, or every problem with it: names and lists trimmed, the
     * escalation's fields cleared when there is no deadline (they would mean nothing).
     */
    private AssignmentRuleDraft check(AssignmentRuleDraft draft, Long id, Integer position) {
        InputChecks checks = new InputChecks();
        checks.check(position == null || position >= 1, "position", "assignment.error.position");
        String name = checks.required("name", draft.name(), MAX_NAME);
        if (name != null && !checks.hasProblem("name") && rules.nameTaken(name, id)) {
            checks.add("name", "assignment.error.name-taken");
        }
        LeadConditions conditions = draft.conditions();
        List<String> regions = conditions.regions().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        checks.check(regions.size() <= MAX_REGIONS, "regions", "assignment.error.regions-many", MAX_REGIONS);
        checks.check(regions.stream().allMatch(r -> r.length() <= MAX_REGION_LENGTH && !r.contains("|")), "regions",
                "assignment.error.region-long", MAX_REGION_LENGTH);
        options(checks, "industries", "industry", conditions.industries());
        options(checks, "companySizes", "company_size", conditions.companySizes());
        options(checks, "sources", "source", conditions.sources());
        checks.check(webForms.all().keySet().containsAll(conditions.webFormIds()), "webFormIds", "assignment.error.web-form");

        AssignmentRule.Target target = draft.target();
        TargetKind kind = target.kind();
        if (kind == null) {
            checks.add("targetKind", "assignment.error.target-kind");
        } else {
            switch (kind) {
                case USER -> checks.check(target.userId() != null && assignableUsers().containsKey(target.userId()),
                        "targetUserId", "assignment.error.target-user");
                case ROUND_ROBIN, LEAST_LOADED -> checks.check(target.departmentId() != null
                        && organization.departmentNames().containsKey(target.departmentId()), "targetDepartmentId",
                        "assignment.error.target-department");
                case POOL -> checks.check(target.poolId() != null && isLeadPool(target.poolId()), "targetPoolId",
                        "assignment.error.target-pool");
            }
        }
        AssignmentRule.Target kept = kind == null ? target : new AssignmentRule.Target(kind,
                kind == TargetKind.USER ? target.userId() : null, kind.department() ? target.departmentId() : null,
                kind == TargetKind.POOL ? target.poolId() : null);

        Integer hours = draft.followUpHours();
        EndAction end = hours == null ? null : draft.endAction();
        Long endPool = end == EndAction.RETURN_TO_POOL ? draft.endPoolId() : null;
        if (hours != null) {
            checks.check(hours >= 1 && hours <= MAX_HOURS, "followUpHours", "assignment.error.hours", String.valueOf(MAX_HOURS));
            // A lead waiting in a pool has no owner to follow it up.
            checks.check(kind != TargetKind.POOL, "followUpHours", "assignment.error.deadline-pool");
            if (end == null) {
                checks.add("endAction", "assignment.error.end-action");
            } else if (end == EndAction.REASSIGN) {
                checks.check(kind == null || kind.department(), "endAction", "assignment.error.reassign-department");
            } else {
                checks.check(endPool != null && isLeadPool(endPool), "endAction", "assignment.error.end-pool");
            }
        }
        checks.throwIfAny();
        return new AssignmentRuleDraft(name, draft.active(), new LeadConditions(regions,
                distinct(conditions.industries()), distinct(conditions.companySizes()), distinct(conditions.sources()),
                conditions.webFormIds().stream().distinct().toList()), kept, hours, end, endPool);
    }

    private void options(InputChecks checks, String input, String field, List<String> chosen) {
        Set<String> codes = leadOptions(field).stream().map(PicklistOption::code).collect(Collectors.toSet());
        checks.check(codes.containsAll(chosen), input, "assignment.error.option");
    }

    private boolean isLeadPool(long poolId) {
        return pools.active(LEAD).stream().anyMatch(p -> p.id() == poolId);
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().distinct().toList();
    }

    /**
     * Two administrators may save the same name at once (the unique index tells the second), and a
     * user, department or pool chosen in the form may have gone meanwhile (its foreign key tells).
     */
    private static <T> T saved(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw InvalidInputException.of("name", "assignment.error.name-taken");
        } catch (DataIntegrityViolationException e) {
            throw InvalidInputException.of("targetKind", "assignment.error.target-gone");
        }
    }

    private void log(long actorId, String action, long id, String name) {
        events.publishEvent(new AdminOperation(actorId, action, "assignment_rule", id, name, Map.of()));
    }

    private void requireAdministrator(long actorId) {
        if (!permissions.isAdministrator(actorId)) {
            throw new AccessDeniedException("assignment rules are kept by administrators");
        }
    }
}
