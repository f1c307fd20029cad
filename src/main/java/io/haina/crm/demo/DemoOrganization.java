package io.haina.crm.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.org.DepartmentService;
import io.haina.crm.platform.security.org.UserAdminService;
import io.haina.crm.platform.security.org.UserForm;
import io.haina.crm.platform.security.role.RoleRepository;
import io.haina.crm.platform.security.setup.SetupRequest;
import io.haina.crm.platform.security.setup.SetupService;

/**
 * The demo company's people: the administrator from setup, a general manager, a sales director
 * over three regional sales groups (a manager and four reps each), marketing and service, each
 * with the starter role that fits, managers set so that "my subordinates'" means something.
 */
@Component
class DemoOrganization {

    /** Everyone's demo password (the demo profile only; a real company sets its own at setup). */
    static final String PASSWORD = "Sea-Harbor-Demo-2026";
    static final String COMPANY = "海纳示范科技有限公司";

    private final SetupService setup;
    private final DepartmentService departments;
    private final UserAdminService users;
    private final RoleRepository roles;
    private final MessageSource messages;

    DemoOrganization(SetupService setup, DepartmentService departments, UserAdminService users, RoleRepository roles,
                     MessageSource messages) {
        this.messages = messages;
        this.setup = setup;
        this.departments = departments;
        this.users = users;
        this.roles = roles;
    }

    /** A regional sales group: its department, its manager and its reps. */
    record SalesGroup(String name, long departmentId, long managerId, List<Long> repIds) {
    }

    /** Who is who, for the data that follows. */
    record People(long adminId, long directorId, List<SalesGroup> groups, List<Long> marketingIds, int users) {

        List<Long> reps() {
            return groups.stream().flatMap(g -> g.repIds().stream()).toList();
        }
    }

    People create() {
        long admin = setup.setUp(new SetupRequest(COMPANY, "admin", "系统管理员", "admin@haina-demo.example", PASSWORD, PASSWORD),
                Locale.SIMPLIFIED_CHINESE);
        long rep = role("role.starter.sales-rep");
        long manager = role("role.starter.sales-manager");
        long marketing = role("role.starter.marketing");

        long office = departments.create(admin, null, "总经办");
        long sales = departments.create(admin, null, "销售部");
        long market = departments.create(admin, null, "市场部");
        long service = departments.create(admin, null, "客服部");

        long ceo = user(admin, "zhou.hai", "周海", "总经理", office, null, manager);
        long director = user(admin, "liu.qiang", "刘强", "销售总监", sales, ceo, manager);
        List<SalesGroup> groups = new ArrayList<>();
        groups.add(group(admin, sales, director, "华东销售组", "chen.ming", "陈明", rep, manager, List.of(
                new String[] {"wang.xiaoming", "王小明"}, new String[] {"li.na", "李娜"}, new String[] {"zhao.qiang", "赵强"},
                new String[] {"emily.chen", "Emily Chen"})));
        groups.add(group(admin, sales, director, "华北销售组", "zhang.wei", "张伟", rep, manager, List.of(
                new String[] {"sun.li", "孙丽"}, new String[] {"ma.jun", "马军"}, new String[] {"guo.tao", "郭涛"},
                new String[] {"he.jing", "何静"})));
        groups.add(group(admin, sales, director, "华南销售组", "huang.fang", "黄芳", rep, manager, List.of(
                new String[] {"lin.feng", "林峰"}, new String[] {"luo.min", "罗敏"}, new String[] {"xie.lei", "谢磊"},
                new String[] {"david.wong", "David Wong"})));
        List<Long> marketingIds = List.of(
                user(admin, "wu.ting", "吴婷", "市场经理", market, ceo, marketing),
                user(admin, "zheng.hao", "郑浩", "市场专员", market, null, marketing));
        user(admin, "song.yu", "宋雨", "客服主管", service, ceo, rep);
        int everyone = 1 + 3 + groups.stream().mapToInt(g -> 1 + g.repIds().size()).sum() + marketingIds.size();
        return new People(admin, director, groups, marketingIds, everyone);
    }

    private SalesGroup group(long admin, long sales, long director, String name, String managerUsername, String managerName,
                             long repRole, long managerRole, List<String[]> reps) {
        long department = departments.create(admin, sales, name);
        long manager = user(admin, managerUsername, managerName, "销售经理", department, director, managerRole);
        List<Long> repIds = reps.stream().map(r -> user(admin, r[0], r[1], "销售代表", department, manager, repRole)).toList();
        return new SalesGroup(name, department, manager, repIds);
    }

    private long user(long admin, String username, String name, String position, long department, Long manager, long role) {
        return users.create(admin, new UserForm(username, name, username + "@haina-demo.example", null, position, department,
                manager, PASSWORD, List.of(role), null));
    }

    /** A starter role, found by the name setup gave it (starter roles are stored as ordinary roles, without a code). */
    private long role(String nameKey) {
        String name = messages.getMessage(nameKey, null, Locale.SIMPLIFIED_CHINESE);
        return roles.all().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("starter role " + name + " missing")).id();
    }
}
