package io.haina.crm.sales.assignment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.haina.crm.platform.metadata.PicklistOption;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.sales.assignment.AssignmentRule;
import io.haina.crm.sales.assignment.AssignmentRules;
import io.haina.crm.sales.assignment.EndAction;
import io.haina.crm.sales.pool.Pool;

/**
 * A rule in words for the list of rules: which leads ("华东 · 官网 · IT"), to whom ("轮流分配给
 * 华东销售部"), and the deadline with its last step. Names of users, departments, pools and forms
 * that have gone since read as their id.
 */
public final class RuleTexts {

    private final Messages msg;
    private final Map<String, List<PicklistOption>> options;
    private final Map<Long, String> users;
    private final Map<Long, String> departments;
    private final Map<Long, String> pools;
    private final Map<Long, String> webForms;

    RuleTexts(Messages msg, AssignmentRules rules, Map<Long, String> users, Map<Long, String> departments) {
        this.msg = msg;
        this.options = Map.of("industry", rules.leadOptions("industry"), "company_size", rules.leadOptions("company_size"),
                "source", rules.leadOptions("source"));
        this.users = users;
        this.departments = departments;
        this.pools = new java.util.HashMap<>();
        rules.leadPools().forEach(p -> pools.put(p.id(), p.name()));
        this.webForms = rules.webForms();
    }

    /** The conditions joined by " · ", or "every lead". */
    public String conditions(AssignmentRule rule) {
        var c = rule.conditions();
        if (c.any()) {
            return msg.t("assignment.conditions.any");
        }
        List<String> parts = new ArrayList<>();
        if (!c.regions().isEmpty()) {
            parts.add(String.join("、", c.regions()));
        }
        parts.addAll(labels("industry", c.industries()));
        parts.addAll(labels("company_size", c.companySizes()));
        parts.addAll(labels("source", c.sources()));
        c.webFormIds().forEach(id -> parts.add(msg.t("assignment.conditions.web-form", name(webForms, id))));
        return String.join(" · ", parts);
    }

    public String target(AssignmentRule rule) {
        var t = rule.target();
        return switch (t.kind()) {
            case USER -> msg.t("assignment.to.USER", name(users, t.userId()));
            case ROUND_ROBIN -> msg.t("assignment.to.ROUND_ROBIN", name(departments, t.departmentId()));
            case LEAST_LOADED -> msg.t("assignment.to.LEAST_LOADED", name(departments, t.departmentId()));
            case POOL -> msg.t("assignment.to.POOL", name(pools, t.poolId()));
        };
    }

    /** "24 小时内首次跟进，否则转给下一位" or "无时限". */
    public String deadline(AssignmentRule rule) {
        if (!rule.escalates()) {
            return msg.t("assignment.deadline.none");
        }
        return rule.endAction() == EndAction.REASSIGN
                ? msg.t("assignment.deadline.reassign", String.valueOf(rule.followUpHours()))
                : msg.t("assignment.deadline.return", String.valueOf(rule.followUpHours()), name(pools, rule.endPoolId()));
    }

    public String optionLabel(PicklistOption option) {
        return msg.t(option.labelKey());
    }

    private List<String> labels(String field, List<String> codes) {
        return codes.stream().map(code -> options.get(field).stream().filter(o -> o.code().equals(code)).findFirst()
                .map(o -> msg.t(o.labelKey())).orElse(code)).toList();
    }

    private static String name(Map<Long, String> names, Long id) {
        return id == null ? "" : names.getOrDefault(id, "#" + id);
    }

    static Map<Long, String> poolNames(List<Pool> pools) {
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        pools.forEach(p -> names.put(p.id(), p.name()));
        return names;
    }
}
