package io.haina.crm.platform.web;

/**
 * One entry of the side navigation.
 *
 * @param section    the group it stands in ({@link Section})
 * @param labelKey   message key of its label
 * @param icon       Bootstrap Icons name, without the {@code bi-} prefix
 * @param href       where it leads
 * @param permission what the user must hold to see it, or {@code null} for everyone signed in
 * @param order      position within the section
 * @param badgePath  where a small count beside the label is fetched from once the page is shown (the
 *                   to-do inbox's "3"), or {@code null} for none; fetched, so that no page waits for it
 */
public record NavItem(Section section, String labelKey, String icon, String href, String permission, int order,
                      String badgePath) {

    public NavItem(Section section, String labelKey, String icon, String href, String permission, int order) {
        this(section, labelKey, icon, href, permission, order, null);
    }

    public enum Section {
        WORKSPACE("nav.section.workspace"),
        SALES("nav.section.sales"),
        SERVICE("nav.section.service"),
        MARKETING("nav.section.marketing"),
        ANALYTICS("nav.section.analytics"),
        ADMIN("nav.section.admin");

        private final String labelKey;

        Section(String labelKey) {
            this.labelKey = labelKey;
        }

        public String labelKey() {
            return labelKey;
        }
    }

    boolean visibleTo(ShellUser user) {
        return permission == null || user.can(permission);
    }

    boolean isActive(String path) {
        return href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
    }
}
