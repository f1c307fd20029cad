package io.haina.crm.platform.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.haina.crm.platform.security.org.Department;
import io.haina.crm.platform.security.org.DepartmentRepository;
import io.haina.crm.testsupport.BrowserSession;
import io.haina.crm.testsupport.ChromiumExtension;
import io.haina.crm.testsupport.Chromium;
import io.haina.crm.testsupport.Chromium.Screen;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * What a new customer does in the browser: set up the company, build the organization, give roles
 * their share of the data, and check that each salesperson sees exactly that share. Also a tour of
 * every page in both languages on a wide and a phone screen, saved as screenshots.
 */
@HainaIntegrationTest
class OrgBrowserTest {

    private static final String ADMIN_PASSWORD = "Blue-Orchard-Ferry-2718";
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    DepartmentRepository departments;

    @Test
    void aNewCustomerBuildsTheOrganizationAndEachSalespersonSeesOnlyTheirShare() {
        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();

            // First run: every page leads to setup; a weak password is refused at its field.
            browser.open("/");
            assertThat(page).hasURL(Pattern.compile("/setup$"));
            page.fill("#companyName", "海纳贸易有限公司");
            page.fill("#username", "admin");
            page.fill("#displayName", "李海纳");
            page.fill("#email", "li@haina-trade.cn");
            page.fill("#password", "password1234");
            page.fill("#passwordConfirmation", "password1234");
            page.click("#setup-submit");
            assertThat(page.locator("#password-error")).hasText("这个密码太常见，容易被猜中，请换一个。");
            assertThat(page.locator("#companyName")).hasValue("海纳贸易有限公司");
            assertThat(page.locator("#password")).isEmpty();
            browser.screenshot("setup-refused");

            page.fill("#password", ADMIN_PASSWORD);
            page.fill("#passwordConfirmation", ADMIN_PASSWORD);
            page.click("#setup-submit");
            assertThat(page).hasURL(Pattern.compile("/login\\?setup$"));
            assertThat(page.locator("#login-info")).hasText("初始化完成，请使用管理员账号登录。");

            browser.signIn("admin", ADMIN_PASSWORD);
            assertThat(page.locator("#greeting")).containsText("李海纳");

            // Departments: 销售部 under the company, 华东销售组 under 销售部.
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("部门")).click();
            createDepartment(browser, "销售部", "海纳贸易有限公司");
            createDepartment(browser, "华东销售组", "销售部");
            assertThat(page.locator("#department-tree li a")).hasText(new String[] {"海纳贸易有限公司", "销售部", "华东销售组"});

            // Roles: a rep sees their own record (and their team's), a manager their department's.
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("角色与权限")).click();
            page.click("#role-new");
            page.fill("#name", "华东销售代表");
            page.check("#grant-user-VIEW");
            page.selectOption("#scope-user", "SELF_AND_SUBORDINATES");
            page.click("#role-save");
            assertThat(page.locator("#notice")).isVisible();
            assertThat(page.locator("#grant-user-VIEW")).isChecked();
            assertThat(page.locator("#scope-user")).hasValue("SELF_AND_SUBORDINATES");
            for (Locator box : page.locator("tr[data-object=department] input, tr[data-object=role] input").all()) {
                assertThat(box).not().isChecked();
            }

            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("角色与权限")).click();
            page.click("#role-new");
            page.fill("#name", "华东销售经理");
            page.check("#grant-user-VIEW");
            page.selectOption("#scope-user", "DEPARTMENT_AND_CHILDREN");
            page.check("#grant-department-VIEW");
            page.click("#role-save");
            assertThat(page.locator("#notice")).isVisible();
            assertThat(page.locator("#grant-department-VIEW")).isChecked();
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("角色与权限")).click();
            assertThat(page.locator("#role-table")).containsText("华东销售代表");
            assertThat(page.locator("#role-table")).containsText("华东销售经理");

            // Users: the manager in 销售部, the rep in 华东销售组 reporting to the manager.
            long managerId = createUser(browser, "zhang.jl", "张经理", "销售部", null, "华东销售经理");
            createUser(browser, "wang.xm", "王小明", "华东销售组", "张经理 (zhang.jl)", "华东销售代表");
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("用户")).click();
            assertThat(page.locator("#user-table tbody tr")).hasCount(3);
            assertThat(page.locator("tr[data-username='wang.xm']")).containsText("华东销售组");
            signOut(browser);

            // The rep: no administration, only their own record, other pages closed.
            browser.signIn("wang.xm", TestOrg.PASSWORD);
            assertThat(page.locator("#greeting")).containsText("王小明");
            // Personal tools (to-do, tasks, calendar) are everyone's; of the records, only users.
            assertThat(page.locator(".haina-nav-link")).hasText(new String[] {"首页", "待办", "任务", "日程", "用户"});
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("用户")).click();
            assertThat(page.locator("#user-table tbody tr td:first-child")).hasText(new String[] {"王小明"});

            Response roles = browser.open("/org/roles");
            assertThat(roles.status()).isEqualTo(403);
            assertThat(page.locator("#error-page[data-status='403']")).containsText("没有权限");
            assertThat(browser.open("/org/departments").status()).isEqualTo(403);
            assertThat(browser.open("/admin/audit/logins").status()).isEqualTo(403);

            Response manager = browser.open("/org/users/" + managerId);
            assertThat(manager.status()).isEqualTo(404);
            assertThat(page.locator("#error-page[data-status='404']")).isVisible();
            assertThat(page.locator("body")).not().containsText("张经理");
            signOut(browser);

            // The manager: their department and the one below it, not the administrator.
            browser.signIn("zhang.jl", TestOrg.PASSWORD);
            assertThat(page.locator(".haina-nav-link")).hasText(new String[] {"首页", "待办", "任务", "日程", "部门", "用户"});
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("用户")).click();
            Locator names = page.locator("#user-table tbody tr td:first-child");
            assertThat(names).hasCount(2);
            assertThat(page.locator("#user-table")).containsText("张经理");
            assertThat(page.locator("#user-table")).containsText("王小明");
            assertThat(page.locator("#user-table")).not().containsText("李海纳");
            signOut(browser);

            // The administrator sees who signed in, and what was changed by whom.
            browser.signIn("admin", ADMIN_PASSWORD);
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("登录日志")).click();
            Locator signIns = page.locator("#login-log tbody tr");
            assertThat(signIns).hasCount(4);
            assertThat(signIns.nth(0)).containsText("admin");
            assertThat(signIns.nth(1)).containsText("zhang.jl");
            assertThat(signIns.nth(2)).containsText("wang.xm");
            assertThat(signIns.nth(3)).containsText("admin");
            assertThat(signIns.locator(".badge")).hasText(new String[] {"成功", "成功", "成功", "成功"});
            page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("操作日志")).click();
            Locator changes = page.locator("#operation-log tbody tr");
            assertThat(changes).hasCount(7); // setup, two departments, two roles, two users
            assertThat(changes.last()).containsText("完成初始化");
            assertThat(changes.first()).containsText("新建用户");
            assertThat(changes.first()).containsText("王小明");
            assertThat(changes.first()).containsText("李海纳");

            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void aWrongPasswordIsShownOnTheLoginPageAndTheChosenLanguageStaysAfterSigningIn() {
        org.admin();
        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.open("/login");
            assertThat(page.locator("#login-submit")).hasText("登录");

            page.fill("#username", TestOrg.ADMIN);
            page.fill("#password", "not-the-password");
            page.click("#login-submit");
            assertThat(page.locator("#login-error")).hasText("用户名或密码错误。");
            assertThat(page.locator("#user-menu")).hasCount(0);
            assertThat(page.locator("#username")).hasValue(TestOrg.ADMIN);
            assertThat(page.locator("#password")).isEmpty();
            assertThat(page.locator("#password")).isFocused();
            browser.screenshot("login-error");

            page.click("button[name=lang][value=en]");
            assertThat(page.locator("#login-submit")).hasText("Sign in");
            assertThat(page.locator("label[for=password]")).hasText("Password");
            page.click("button[name=lang][value=zh-CN]");
            assertThat(page.locator("#login-submit")).hasText("登录");
            page.click("button[name=lang][value=en]");
            assertThat(page.locator("#login-submit")).hasText("Sign in");

            browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
            assertThat(page.locator("#greeting")).containsText(Pattern.compile("^Good (morning|afternoon|evening), 管理员$"));
            assertThat(page.locator(".haina-nav-link").first()).hasText("Home");
            browser.open("/org/users");
            assertThat(page.locator("h1")).hasText("Users");
            assertThat(browser.browserErrors()).isEmpty();
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        org.admin();
        try (BrowserSession browser = chromium.open(port, "zh-CN", Screen.WIDE)) {
            Page page = browser.page();
            browser.open("/login");
            for (int i = 1; i <= 4; i++) {
                page.fill("#username", TestOrg.ADMIN);
                page.fill("#password", "not-the-password-" + i);
                page.click("#login-submit");
                assertThat(page.locator("#login-error")).hasText("用户名或密码错误。");
            }
            page.fill("#username", TestOrg.ADMIN);
            page.fill("#password", "not-the-password-5");
            page.click("#login-submit");
            assertThat(page.locator("#login-error")).containsText("已锁定 15 分钟");

            page.fill("#username", TestOrg.ADMIN);
            page.fill("#password", TestOrg.PASSWORD);
            page.click("#login-submit");
            assertThat(page.locator("#login-error")).containsText("已锁定 15 分钟");
            assertThat(page.locator("#user-menu")).hasCount(0);
            browser.screenshot("login-locked");
        }
    }

    @Test
    void tourOfEveryPageInBothLanguagesOnAWideAndAPhoneScreen() {
        List<String> languages = List.of("zh-CN", "en");
        for (String language : languages) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    browser.open("/setup");
                    browser.page().fill("#password", "password1234");
                    browser.page().click("#setup-submit");
                    assertThat(browser.page().locator("#password-error")).isVisible();
                    browser.screenshot("setup");
                }
            }
        }

        org.admin();
        long root = departments.all().stream().filter(d -> d.parentId() == null).mapToLong(Department::id).findFirst().orElseThrow();
        long sales = org.department("销售部", root);
        long east = org.department("华东销售组", sales);
        long repRole = org.role("销售代表").grant("user", ScopeLevel.SELF_AND_SUBORDINATES, ObjectAction.VIEW).create();
        long managerRole = org.role("销售经理").grant("user", ScopeLevel.DEPARTMENT_AND_CHILDREN, ObjectAction.VIEW)
                .grant("department", ScopeLevel.ALL, ObjectAction.VIEW).create();
        long manager = org.user("zhang.jl", "张经理", sales, null, managerRole);
        org.user("wang.xm", "王小明", east, manager, repRole);

        for (String language : languages) {
            for (Screen screen : Screen.values()) {
                try (BrowserSession browser = chromium.open(port, language, screen)) {
                    Page page = browser.page();
                    browser.open("/login");
                    browser.screenshot("login");
                    browser.signIn(TestOrg.ADMIN, TestOrg.PASSWORD);
                    page.click("button[name=lang][value=" + language + "]");
                    assertThat(page.locator("html")).hasAttribute("lang", language);

                    browser.visit("/", "home");
                    if (screen == Screen.NARROW) {
                        page.click("button[data-bs-toggle=offcanvas][data-bs-target='#sidebar']");
                        Locator sidebar = page.locator("#sidebar");
                        assertThat(sidebar).hasClass(Pattern.compile("(^|\\s)show(\\s|$)"));
                        assertThat(sidebar).not().hasClass(Pattern.compile("showing"));
                        assertThat(page.locator(".haina-nav-link").first()).isVisible();
                        browser.screenshot("nav");
                    }
                    browser.visit("/org/departments", "departments");
                    browser.visit("/org/departments/" + sales, "department");
                    browser.visit("/org/users", "users");
                    browser.visit("/org/users/new", "user-form");
                    browser.visit("/org/users/" + manager, "user");
                    browser.visit("/org/roles", "roles");
                    browser.visit("/org/roles/" + managerRole, "role-form");
                    browser.visit("/account", "account");
                    browser.visit("/admin/audit/logins", "login-log");
                    browser.visit("/admin/audit/operations", "operation-log");
                    signOut(browser);

                    browser.signIn("wang.xm", TestOrg.PASSWORD);
                    assertThat(browser.open("/org/roles").status()).isEqualTo(403);
                    browser.screenshot("forbidden");
                    assertThat(browser.open("/org/users/" + manager).status()).isEqualTo(404);
                    browser.screenshot("not-found");
                    assertThat(browser.browserErrors()).isEmpty();
                }
            }
        }
    }

    private static void signOut(BrowserSession browser) {
        Page page = browser.page();
        page.click("#user-menu");
        page.click("#logout");
        assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));
    }

    private static void createDepartment(BrowserSession browser, String name, String parent) {
        Page page = browser.page();
        page.fill("#department-create #name", name);
        browser.choose("#department-create #parentId", parent);
        page.click("#department-create button[type=submit]");
        assertThat(page.locator("#department-tree")).containsText(name);
    }

    private static long createUser(BrowserSession browser, String username, String name, String department,
                                   String manager, String role) {
        Page page = browser.page();
        page.locator(".haina-nav-link", new Page.LocatorOptions().setHasText("用户")).click();
        page.click("#user-new");
        page.fill("#username", username);
        page.fill("#password", TestOrg.PASSWORD);
        page.fill("#displayName", name);
        page.fill("#position", role);
        page.fill("#email", username + "@haina-trade.cn");
        page.fill("#phone", "13800138000");
        browser.choose("#departmentId", department);
        if (manager != null) {
            browser.choose("#managerId", manager);
        }
        page.getByLabel(role, new Page.GetByLabelOptions().setExact(true)).check();
        page.click("#user-save");
        assertThat(page.locator("#notice")).isVisible();
        assertThat(page).hasURL(Pattern.compile("/org/users/\\d+$"));
        return Long.parseLong(browser.path().substring(browser.path().lastIndexOf('/') + 1));
    }
}
