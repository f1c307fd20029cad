package io.haina.crm.sales.pool;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.metadata.PicklistOption;
import io.haina.crm.platform.security.AdminOperation;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.NotFoundException;

/** Administrators set pools up: name, members and administrators, return rules and claim limits. */
@Service
@Transactional
public class PoolSettings {

    /** The objects whose records can sit in pools. */
    public static final List<String> OBJECTS = List.of("customer", "lead");
    static final int MAX_NAME = 100;

    /** "Not found" for an object whose records never sit in pools (a product, an unknown code). */
    static void requirePooled(String objectCode) {
        if (!OBJECTS.contains(objectCode)) {
            throw new NotFoundException("no pools hold " + objectCode);
        }
    }
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_DAYS = 3650;

    private final PoolRepository pools;
    private final Permissions permissions;
    private final Organization organization;
    private final ObjectRegistry objects;
    private final ApplicationEventPublisher events;

    PoolSettings(PoolRepository pools, Permissions permissions, Organization organization, ObjectRegistry objects,
                 ApplicationEventPublisher events) {
        this.pools = pools;
        this.permissions = permissions;
        this.organization = organization;
        this.objects = objects;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Pool> all(long actorId) {
        requireAdministrator(actorId);
        return pools.all();
    }

    @Transactional(readOnly = true)
    public Pool get(long actorId, long id) {
        requireAdministrator(actorId);
        return pools.find(id).orElseThrow(() -> new NotFoundException("pool " + id));
    }

    public long create(long actorId, PoolDraft draft) {
        requireAdministrator(actorId);
        check(draft, null);
        long id = saved(() -> pools.insert(draft, actorId));
        events.publishEvent(new AdminOperation(actorId, "POOL_CREATED", "pool", id, draft.name(), Map.of()));
        return id;
    }

    /** Saves the pool if nobody changed it since {@code expectedVersion} was read. */
    public void update(long actorId, long id, int expectedVersion, PoolDraft draft) {
        Pool current = get(actorId, id);
        if (!current.objectCode().equals(draft.objectCode())) {
            throw new ConflictException("pool.error.object-fixed");
        }
        check(draft, id);
        if (!saved(() -> pools.update(id, expectedVersion, draft))) {
            throw new ConflictException("validation.stale", current.name());
        }
        events.publishEvent(new AdminOperation(actorId, "POOL_CHANGED", "pool", id, draft.name(), Map.of()));
    }

    private void check(PoolDraft draft, Long id) {
        InputChecks checks = new InputChecks();
        checks.check(OBJECTS.contains(draft.objectCode()), "objectCode", "pool.error.object");
        checks.required("name", draft.name(), MAX_NAME);
        checks.optional("description", draft.description(), MAX_DESCRIPTION);
        if (!checks.hasProblem("name") && OBJECTS.contains(draft.objectCode())
                && pools.nameTaken(draft.objectCode(), draft.name(), id)) {
            checks.add("name", "pool.error.name-taken", draft.name());
        }
        positive(checks, "warnDaysBefore", draft.warnDaysBefore());
        positive(checks, "claimsPerDay", draft.claimsPerDay());
        positive(checks, "ownedCap", draft.ownedCap());
        positive(checks, "reclaimBarDays", draft.reclaimBarDays());
        checks.check(!draft.members().isEmpty(), "members", "pool.error.no-members");
        checks.check(draft.members().stream().anyMatch(PoolMember::admin), "admins", "pool.error.no-admin");
        Set<Long> seenUsers = new HashSet<>();
        for (PoolMember member : draft.members()) {
            if (member.userId() != null) {
                checks.check(organization.isActiveUser(member.userId()) && seenUsers.add(member.userId()), "members",
                        "pool.error.member");
            } else {
                checks.check(member.departmentId() != null, "members", "pool.error.member");
            }
        }
        List<PicklistOption> levels = customerLevels();
        for (PoolRule rule : draft.rules()) {
            checks.check(rule.kind() != null && rule.kind().appliesTo(draft.objectCode()), "rules", "pool.error.rule-kind");
            checks.check(rule.days() >= 1 && rule.days() <= MAX_DAYS, "rules", "pool.error.rule-days", MAX_DAYS);
            checks.check(rule.customerLevel() == null || draft.objectCode().equals("customer")
                    && levels.stream().anyMatch(l -> l.code().equals(rule.customerLevel())), "rules", "pool.error.rule-level");
        }
        checks.throwIfAny();
    }

    /** A department chosen as a member may have been deleted meanwhile: its foreign key tells. */
    private static <T> T saved(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw io.haina.crm.platform.web.InvalidInputException.of("members", "pool.error.member");
        }
    }

    /** The customer levels a rule may be limited to, in their picklist's order. */
    public List<PicklistOption> customerLevels() {
        return objects.find("customer").flatMap(o -> o.field("level"))
                .map(f -> f.type() instanceof FieldType.Picklist p ? p.options() : List.<PicklistOption>of())
                .orElse(List.of());
    }

    private static void positive(InputChecks checks, String field, Integer value) {
        checks.check(value == null || value > 0 && value <= MAX_DAYS * 100, field, "pool.error.positive");
    }

    private void requireAdministrator(long actorId) {
        if (!permissions.isAdministrator(actorId)) {
            throw new AccessDeniedException("pools are set up by administrators");
        }
    }
}
