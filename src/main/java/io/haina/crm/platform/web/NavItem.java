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
 */
public record NavItem(Section section, String labelKey, String icon, String href, String permission, int order) {

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
