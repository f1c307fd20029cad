package io.haina.crm.sales.pool.web;

import java.util.ArrayList;
import java.util.List;

import io.haina.crm.sales.pool.Pool;
import io.haina.crm.sales.pool.PoolDraft;
import io.haina.crm.sales.pool.PoolMember;
import io.haina.crm.sales.pool.PoolRule;
import io.haina.crm.sales.pool.PoolRuleKind;

/**
 * The pool form as posted: plain strings and lists, so that whatever the administrator typed
 * comes back to them with the messages. Rules are three rows; a row without days is left out.
 */
public class PoolForm {

    static final int RULE_ROWS = 3;

    private String objectCode = "customer";
    private String name = "";
    private String description = "";
    private boolean active = true;
    private String warnDaysBefore = "";
    private String claimsPerDay = "";
    private String ownedCap = "";
    private boolean capExcludesWon;
    private String reclaimBarDays = "";
    private List<Long> departmentIds = new ArrayList<>();
    private List<Long> userIds = new ArrayList<>();
    private List<Long> adminIds = new ArrayList<>();
    private List<String> ruleKind = new ArrayList<>(List.of("NO_FOLLOW_UP", "NO_FOLLOW_UP", "NO_FOLLOW_UP"));
    private List<String> ruleDays = new ArrayList<>(List.of("", "", ""));
    private List<String> ruleLevel = new ArrayList<>(List.of("", "", ""));
    private List<String> ruleKeepWon = new ArrayList<>();
    private List<String> ruleKeepOpen = new ArrayList<>();
    private int version;

    static PoolForm of(Pool pool) {
        PoolForm form = new PoolForm();
        form.objectCode = pool.objectCode();
        form.name = pool.name();
        form.description = pool.description() == null ? "" : pool.description();
        form.active = pool.active();
        form.warnDaysBefore = text(pool.warnDaysBefore());
        form.claimsPerDay = text(pool.claimsPerDay());
        form.ownedCap = text(pool.ownedCap());
        form.capExcludesWon = pool.capExcludesWon();
        form.reclaimBarDays = text(pool.reclaimBarDays());
        for (PoolMember member : pool.members()) {
            if (member.departmentId() != null) {
                form.departmentIds.add(member.departmentId());
            } else if (member.admin()) {
                form.adminIds.add(member.userId());
            } else {
                form.userIds.add(member.userId());
            }
        }
        for (int i = 0; i < Math.min(RULE_ROWS, pool.rules().size()); i++) {
            PoolRule rule = pool.rules().get(i);
            form.ruleKind.set(i, rule.kind().name());
            form.ruleDays.set(i, String.valueOf(rule.days()));
            form.ruleLevel.set(i, rule.customerLevel() == null ? "" : rule.customerLevel());
            if (rule.excludeWon()) {
                form.ruleKeepWon.add(String.valueOf(i));
            }
            if (rule.excludeOpenOpportunities()) {
                form.ruleKeepOpen.add(String.valueOf(i));
            }
        }
        form.version = pool.version();
        return form;
    }

    /** The draft to check and save; a number that does not read as one is passed on as an impossible value and refused there. */
    PoolDraft toDraft() {
        List<PoolMember> members = new ArrayList<>();
        departmentIds.forEach(id -> members.add(PoolMember.department(id)));
        adminIds.forEach(id -> members.add(PoolMember.user(id, true)));
        userIds.stream().filter(id -> !adminIds.contains(id)).forEach(id -> members.add(PoolMember.user(id, false)));
        List<PoolRule> rules = new ArrayList<>();
        for (int i = 0; i < RULE_ROWS; i++) {
            String days = at(ruleDays, i);
            if (days.isBlank()) {
                continue;
            }
            PoolRuleKind kind = parseKind(at(ruleKind, i));
            Integer parsed = number(days);
            rules.add(new PoolRule(kind, parsed == null ? 0 : parsed, at(ruleLevel, i).isBlank() ? null : at(ruleLevel, i),
                    ruleKeepWon.contains(String.valueOf(i)), ruleKeepOpen.contains(String.valueOf(i))));
        }
        return new PoolDraft(objectCode, name, description, active, number(warnDaysBefore), number(claimsPerDay),
                number(ownedCap), capExcludesWon, number(reclaimBarDays), members, rules);
    }

    private static PoolRuleKind parseKind(String kind) {
        try {
            return PoolRuleKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    private static String text(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }

    public String ruleKindAt(int i) { return at(ruleKind, i); }
    public String ruleDaysAt(int i) { return at(ruleDays, i); }
    public String ruleLevelAt(int i) { return at(ruleLevel, i); }
    public boolean keepsWonAt(int i) { return ruleKeepWon.contains(String.valueOf(i)); }
    public boolean keepsOpenAt(int i) { return ruleKeepOpen.contains(String.valueOf(i)); }

    public String getObjectCode() { return objectCode; }
    public void setObjectCode(String objectCode) { this.objectCode = objectCode; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getWarnDaysBefore() { return warnDaysBefore; }
    public void setWarnDaysBefore(String warnDaysBefore) { this.warnDaysBefore = warnDaysBefore; }
    public String getClaimsPerDay() { return claimsPerDay; }
    public void setClaimsPerDay(String claimsPerDay) { this.claimsPerDay = claimsPerDay; }
    public String getOwnedCap() { return ownedCap; }
    public void setOwnedCap(String ownedCap) { this.ownedCap = ownedCap; }
    public boolean isCapExcludesWon() { return capExcludesWon; }
    public void setCapExcludesWon(boolean capExcludesWon) { this.capExcludesWon = capExcludesWon; }
    public String getReclaimBarDays() { return reclaimBarDays; }
    public void setReclaimBarDays(String reclaimBarDays) { this.reclaimBarDays = reclaimBarDays; }
    public List<Long> getDepartmentIds() { return departmentIds; }
    public void setDepartmentIds(List<Long> departmentIds) { this.departmentIds = departmentIds; }
    public List<Long> getUserIds() { return userIds; }
    public void setUserIds(List<Long> userIds) { this.userIds = userIds; }
    public List<Long> getAdminIds() { return adminIds; }
    public void setAdminIds(List<Long> adminIds) { this.adminIds = adminIds; }
    public List<String> getRuleKind() { return ruleKind; }
    public void setRuleKind(List<String> ruleKind) { this.ruleKind = ruleKind; }
    public List<String> getRuleDays() { return ruleDays; }
    public void setRuleDays(List<String> ruleDays) { this.ruleDays = ruleDays; }
    public List<String> getRuleLevel() { return ruleLevel; }
    public void setRuleLevel(List<String> ruleLevel) { this.ruleLevel = ruleLevel; }
    public List<String> getRuleKeepWon() { return ruleKeepWon; }
    public void setRuleKeepWon(List<String> ruleKeepWon) { this.ruleKeepWon = ruleKeepWon; }
    public List<String> getRuleKeepOpen() { return ruleKeepOpen; }
    public void setRuleKeepOpen(List<String> ruleKeepOpen) { this.ruleKeepOpen = ruleKeepOpen; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
