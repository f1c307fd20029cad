package io.haina.crm.platform.security.org;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.SecuredObject;
import io.haina.crm.platform.web.NavItem;

/**
 * The organization's own objects, granted like any other: a role may let a sales manager see the
 * users of their department without making them an administrator. A user "owns" their own user
 * record, so data scopes apply to the user directory too.
 */
@Configuration(proxyBeanMethods = false)
class OrgObjects {

    static final String DEPARTMENT = "department";
    static final String USER = "user";
    static final String ROLE = "role";

    @Bean
    SecuredObject departmentObject() {
        return new SecuredObject(DEPARTMENT, "object.department",
                EnumSet.of(ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT, ObjectAction.DELETE), false, 900);
    }

    @Bean
    SecuredObject userObject() {
        return new SecuredObject(USER, "object.user",
                EnumSet.of(ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT), true, 910);
    }

    @Bean
    SecuredObject roleObject() {
        return new SecuredObject(ROLE, "object.role",
                EnumSet.of(ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT, ObjectAction.DELETE,
                        ObjectAction.ASSIGN), false, 920);
    }

    @Bean
    NavItem departmentsNavItem() {
        return new NavItem(NavItem.Section.ADMIN, "nav.departments", "diagram-3", DepartmentController.PATH,
                ObjectAction.VIEW.on(DEPARTMENT), 10);
    }

    @Bean
    NavItem usersNavItem() {
        return new NavItem(NavItem.Section.ADMIN, "nav.users", "people", UserController.PATH, ObjectAction.VIEW.on(USER), 20);
    }
}
