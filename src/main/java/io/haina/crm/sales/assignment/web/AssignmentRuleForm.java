package io.haina.crm.sales.assignment.web;

import java.util.ArrayList;
import java.util.List;

import io.haina.crm.sales.assignment.AssignmentRule;
import io.haina.crm.sales.assignment.AssignmentRuleDraft;
import io.haina.crm.sales.assignment.EndAction;
import io.haina.crm.sales.assignment.LeadConditions;
import io.haina.crm.sales.assignment.Regions;
import io.haina.crm.sales.assignment.TargetKind;

/**
 * The rule form as posted: plain strings and lists, so that whatever the administrator typed
 * comes back to them with the messages. The escalation's end is one choice: "hand on" or one of
 * the lead pools ({@code POOL:12}).
 */
public class AssignmentRuleForm {

    static final String REASSIGN = EndAction.REASSIGN.name();
    static final String POOL_PREFIX = "POOL:";

    private String name = "";
    private boolean active = true;
    private String regions = "";
    private List<String> industries = new ArrayList<>();
    private List<String> companySizes = new ArrayList<>();
    private List<String> sources = new ArrayList<>();
    private List<Long> webFormIds = new ArrayList<>();
    private String targetKind = TargetKind.ROUND_ROBIN.name();
    private Long targetUserId;
    private Long targetDepartmentId;
    private Long targetPoolId;
    private String followUpHours = "";
    private String endAction = REASSIGN;
    private int version;

    static AssignmentRuleForm of(AssignmentRule rule) {
        AssignmentRuleForm form = new AssignmentRuleForm();
        form.name = rule.name();
        form.active = rule.active();
        LeadConditions c = rule.conditions();
        form.regions = String.join("、", c.regions());
        form.industries = new ArrayList<>(c.industries());
        form.companySizes = new ArrayList<>(c.companySizes());
        form.sources = new ArrayList<>(c.sources());
        form.webFormIds = new ArrayList<>(c.webFormIds());
        form.targetKind = rule.target().kind().name();
        form.targetUserId = rule.target().userId();
        form.targetDepartmentId = rule.target().departmentId();
        form.targetPoolId = rule.target().poolId();
        form.followUpHours = rule.followUpHours() == null ? "" : String.valueOf(rule.followUpHours());
        form.endAction = rule.endAction() == EndAction.RETURN_TO_POOL ? POOL_PREFIX + rule.endPoolId() : REASSIGN;
        form.version = rule.version();
        return form;
    }

    /** The draft to check and save; what does not read as a number or a choice is passed on as impossible and refused there. */
    AssignmentRuleDraft toDraft() {
        TargetKind kind;
        try {
            kind = TargetKind.valueOf(targetKind);
        } catch (IllegalArgumentException | NullPointerException e) {
            kind = null;
        }
        EndAction end = null;
        Long endPool = null;
        if (REASSIGN.equals(endAction)) {
            end = EndAction.REASSIGN;
        } else if (endAction != null && endAction.startsWith(POOL_PREFIX)) {
            end = EndAction.RETURN_TO_POOL;
            endPool = number(endAction.substring(POOL_PREFIX.length())).map(Integer::longValue).orElse(-1L);
        }
        return new AssignmentRuleDraft(name, active, new LeadConditions(Regions.parse(regions), industries, companySizes,
                sources, webFormIds), new AssignmentRule.Target(kind, targetUserId, targetDepartmentId, targetPoolId),
                number(followUpHours).orElse(null), end, endPool);
    }

    private static java.util.Optional<Integer> number(String text) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Integer.valueOf(text.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.of(-1);
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getRegions() { return regions; }
    public void setRegions(String regions) { this.regions = regions; }
    public List<String> getIndustries() { return industries; }
    public void setIndustries(List<String> industries) { this.industries = industries; }
    public List<String> getCompanySizes() { return companySizes; }
    public void setCompanySizes(List<String> companySizes) { this.companySizes = companySizes; }
    public List<String> getSources() { return sources; }
    public void setSources(List<String> sources) { this.sources = sources; }
    public List<Long> getWebFormIds() { return webFormIds; }
    public void setWebFormIds(List<Long> webFormIds) { this.webFormIds = webFormIds; }
    public String getTargetKind() { return targetKind; }
    public void setTargetKind(String targetKind) { this.targetKind = targetKind; }
    public Long getTargetUserId() { return targetUserId; }
    public void setTargetUserId(Long targetUserId) { this.targetUserId = targetUserId; }
    public Long getTargetDepartmentId() { return targetDepartmentId; }
    public void setTargetDepartmentId(Long targetDepartmentId) { this.targetDepartmentId = targetDepartmentId; }
    public Long getTargetPoolId() { return targetPoolId; }
    public void setTargetPoolId(Long targetPoolId) { this.targetPoolId = targetPoolId; }
    public String getFollowUpHours() { return followUpHours; }
    public void setFollowUpHours(String followUpHours) { this.followUpHours = followUpHours; }
    public String getEndAction() { return endAction; }
    public void setEndAction(String endAction) { this.endAction = endAction; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
