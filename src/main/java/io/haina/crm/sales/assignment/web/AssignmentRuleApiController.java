package io.haina.crm.sales.assignment.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.sales.assignment.AssignmentRule;
import io.haina.crm.sales.assignment.AssignmentRuleDraft;
import io.haina.crm.sales.assignment.AssignmentRules;
import io.haina.crm.sales.assignment.EndAction;
import io.haina.crm.sales.assignment.LeadConditions;
import io.haina.crm.sales.assignment.TargetKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/assignment-rules}: the lead assignment rules, for administrators only (403
 * otherwise), in the order they are asked. A change carries the {@code version} read, or the
 * answer is 409; what will not do is 400 with each problem at its field, in the caller's language.
 */
@RestController
@Tag(name = "Lead assignment rules")
@RequestMapping("/api/v1/assignment-rules")
class AssignmentRuleApiController {

    private final AssignmentRules rules;
    private final CurrentUsers users;

    AssignmentRuleApiController(AssignmentRules rules, CurrentUsers users) {
        this.rules = rules;
        this.users = users;
    }

    /**
     * A rule as the API shows and takes it. Empty condition lists match every lead; {@code targetKind}
     * is USER (with {@code targetUserId}), ROUND_ROBIN or LEAST_LOADED (with {@code targetDepartmentId})
     * or POOL (with {@code targetPoolId}); {@code followUpHours} with {@code endAction} REASSIGN or
     * RETURN_TO_POOL (with {@code endPoolId}) sets the first-follow-up deadline and its escalation.
     * {@code position} (1 = asked first) moves the rule when sent on a change.
     */
    record RuleBody(Long id, String name, Boolean active, Integer position, List<String> regions, List<String> industries,
                    List<String> companySizes, List<String> sources, List<Long> webFormIds, String targetKind,
                    Long targetUserId, Long targetDepartmentId, Long targetPoolId, Integer followUpHours,
                    String endAction, Long endPoolId, Integer version) {

        static RuleBody of(AssignmentRule rule) {
            LeadConditions c = rule.conditions();
            var t = rule.target();
            return new RuleBody(rule.id(), rule.name(), rule.active(), rule.position(), c.regions(), c.industries(),
                    c.companySizes(), c.sources(), c.webFormIds(), t.kind().name(), t.userId(), t.departmentId(),
                    t.poolId(), rule.followUpHours(), rule.endAction() == null ? null : rule.endAction().name(),
                    rule.endPoolId(), rule.version());
        }

        AssignmentRuleDraft draft() {
            return new AssignmentRuleDraft(name, active == null || active,
                    new LeadConditions(orEmpty(regions), orEmpty(industries), orEmpty(companySizes), orEmpty(sources),
                            orEmpty(webFormIds)),
                    new AssignmentRule.Target(choice(TargetKind.class, targetKind, "targetKind", "assignment.error.target-kind"),
                            targetUserId, targetDepartmentId, targetPoolId),
                    followUpHours, choice(EndAction.class, endAction, "endAction", "assignment.error.end-action"), endPoolId);
        }

        private static <T> List<T> orEmpty(List<T> values) {
            return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
        }

        private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String messageKey) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of(field, messageKey);
            }
        }
    }

    @GetMapping
    @Operation(summary = "The assignment rules, first asked first (administrators)")
    List<RuleBody> list() {
        return rules.all(actor()).stream().map(RuleBody::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One assignment rule (administrators)")
    RuleBody read(@PathVariable long id) {
        return RuleBody.of(rules.get(actor(), id));
    }

    @PostMapping
    @Operation(summary = "Create an assignment rule, asked after the others (or at `position`) (administrators)")
    ResponseEntity<RuleBody> create(@RequestBody RuleBody body) {
        AssignmentRule created = rules.create(actor(), body.draft(), body.position());
        return ResponseEntity.created(URI.create("/api/v1/assignment-rules/" + created.id())).body(RuleBody.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an assignment rule; `version` must be the version read (administrators)")
    RuleBody update(@PathVariable long id, @RequestBody RuleBody body) {
        if (body.version() == null) {
            throw InvalidInputException.of("version", "api.error.version-required");
        }
        return RuleBody.of(rules.update(actor(), id, body.version(), body.draft(), body.position()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an assignment rule; the leads it assigned keep their owners (administrators)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        rules.delete(actor(), id);
        return ResponseEntity.noContent().build();
    }

    private long actor() {
        return users.require().id();
    }
}
