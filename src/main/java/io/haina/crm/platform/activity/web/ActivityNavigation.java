package io.haina.crm.platform.activity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.haina.crm.platform.web.NavItem;

/** The workspace's entries: the to-do inbox (with its count), tasks, the calendar. */
@Configuration(proxyBeanMethods = false)
class ActivityNavigation {

    @Bean
    NavItem todoNavItem() {
        return new NavItem(NavItem.Section.WORKSPACE, "nav.todo", "inbox", TodoController.PATH, null, 20, TodoController.BADGE);
    }

    @Bean
    NavItem tasksNavItem() {
        return new NavItem(NavItem.Section.WORKSPACE, "nav.tasks", "check2-square", "/tasks", null, 30);
    }

    @Bean
    NavItem calendarNavItem() {
        return new NavItem(NavItem.Section.WORKSPACE, "nav.calendar", "calendar3", "/calendar", null, 40);
    }
}
