package io.haina.crm.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Collects the {@link NavItem} beans every module declares and arranges them for one user. */
@Component
public class Navigation {

    private final List<NavItem> items;

    Navigation(List<NavItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparing(NavItem::section).thenComparingInt(NavItem::order))
                .toList();
    }

    /** The sections the user can open, each with its visible entries, in display order. */
    public Map<NavItem.Section, List<NavItem>> visibleTo(ShellUser user) {
        Map<NavItem.Section, List<NavItem>> sections = new LinkedHashMap<>();
        for (NavItem item : items) {
            if (item.visibleTo(user)) {
                sections.computeIfAbsent(item.section(), s -> new java.util.ArrayList<>()).add(item);
            }
        }
        return sections;
    }
}
