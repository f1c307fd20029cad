package io.haina.crm.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.security.org.DepartmentService;
import io.haina.crm.platform.security.org.UserAdminService;
import io.haina.crm.platform.security.org.UserForm;
import io.haina.crm.platform.security.org.UserRepository;
import io.haina.crm.platform.security.role.RoleForm;
import io.haina.crm.platform.security.role.RoleRepository;
import io.haina.crm.platform.security.role.RoleService;
import io.haina.crm.platform.security.setup.SetupRequest;
import io.haina.crm.platform.security.setup.SetupService;

/**
 * Builds an organization for a test through the application's own services (so every rule
 * applies): the company and its administrator, departments, roles, users.
 */
public class TestOrg {

    /** A password the policy accepts; every test user gets it unless a test says otherwise. */
    public static final String PASSWORD = "Tide-Harbor-Lantern-42";
    public static final String ADMIN = "admin";

    private final SetupService setup;
    private final DepartmentService departments;
    private final RoleService roles;
    private final RoleRepository roleRepository;
    private final UserAdminService users;
    private final UserRepository accounts;
    private long adminId;

    TestOrg(SetupService setup, DepartmentService departments, RoleService roles, UserAdminService users,
            RoleRepository roleRepository, UserRepository accounts) {
        this.roleRepository = roleRepository;
        this.setup = setup;
        this.departments = departments;
        this.roles = roles;
        this.users = users;
        this.accounts = accounts;
    }

    /** The company "海纳测试" with its top department and the administrator {@code admin}. */
    public long admin() {
        adminId = setup.setUp(new SetupRequest("海纳测试", ADMIN, "管理员", "admin@example.com", PASSWORD, PASSWORD),
                Locale.SIMPLIFIED_CHINESE);
        return adminId;
    }

    public long department(String name, Long parentId) {
        return departments.create(adminId, parentId, name);
    }

    public RoleBuilder role(String name) {
        return new RoleBuilder(name);
    }

    public long user(String username, String displayName, Long departmentId, Long managerId, Long... roleIds) {
        return users.create(adminId, new UserForm(username, displayName, username + "@example.com", null, null,
                departmentId, managerId, PASSWORD, List.of(roleIds), null));
    }

    /** The company with two users who read in different languages: 李娜 (li.na, Chinese) and Bob Smith (bob, English). */
    public Readers readers() {
        admin();
        long li = user("li.na", "李娜", null, null);
        long bob = user("bob", "Bob Smith", null, null);
        accounts.setLocale(li, "zh-CN");
        accounts.setLocale(bob, "en");
        return new Readers(li, bob);
    }

    public record Readers(long li, long bob) {
    }

    public long adminId() {
        return adminId;
    }

    /** A role granting actions per object, each with a scope. */
    public final class RoleBuilder {
        private final String name;
        private final Map<String, Set<ObjectAction>> actions = new HashMap<>();
        private final Map<String, ScopeLevel> scopes = new HashMap<>();

        private RoleBuilder(String name) {
            this.name = name;
        }

        public RoleBuilder grant(String object, ScopeLevel scope, ObjectAction... granted) {
            actions.put(object, Set.of(granted));
            scopes.put(object, scope);
            return this;
        }

        /** A salesperson's everyday grant: view, create and edit their own records of each object. */
        public RoleBuilder worksOwn(String... objects) {
            for (String object : objects) {
                grant(object, ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE, ObjectAction.EDIT);
            }
            return this;
        }

        /**
         * Creates the role, or, when a starter role of setup already has the name (销售代表),
         * gives that role exactly these grants: a test says what its roles may do.
         */
        public long create() {
            var starter = roleRepository.all().stream().filter(r -> r.name().equals(name)).findFirst();
            if (starter.isPresent()) {
                roles.update(adminId, starter.get().id(),
                        new RoleForm(name, starter.get().description(), actions, scopes, starter.get().version()));
                return starter.get().id();
            }
            return roles.create(adminId, new RoleForm(name, null, actions, scopes, null));
        }
    }
}
