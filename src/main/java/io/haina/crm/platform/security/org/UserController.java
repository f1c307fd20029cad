package io.haina.crm.platform.security.org;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.role.RoleRepository;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;

/** The user directory and the user form (profile, status, password reset, roles). */
@Controller
@RequestMapping(UserController.PATH)
class UserController {

    static final String PATH = "/org/users";

    private final UserDirectory directory;
    private final UserAdminService admin;
    private final DepartmentRepository departments;
    private final RoleRepository roles;
    private final CurrentUsers users;
    private final Permissions permissions;

    UserController(UserDirectory directory, UserAdminService admin, DepartmentRepository departments,
                   RoleRepository roles, CurrentUsers users, Permissions permissions) {
        this.directory = directory;
        this.admin = admin;
        this.departments = departments;
        this.roles = roles;
        this.users = users;
        this.permissions = permissions;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long department,
                @RequestParam(required = false) UserStatus status, Model model) {
        long actor = actor();
        List<UserAccount> found = directory.list(actor, q, department, status);
        model.addAttribute("users", found);
        model.addAttribute("roleNames", found.isEmpty() ? java.util.Map.of()
                : roles.roleNamesOf(found.stream().map(UserAccount::id).toList()));
        model.addAttribute("tree", new DepartmentTree(departments.all()));
        model.addAttribute("managers", directory.activeUsersVisibleTo(actor));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("department", department);
        model.addAttribute("status", status);
        model.addAttribute("canCreate", permissions.can(actor, OrgObjects.USER, ObjectAction.CREATE));
        model.addAttribute("limited", found.size() >= UserDirectory.PAGE_LIMIT);
        return "org/users";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long department, Model model) {
        permissions.require(actor(), OrgObjects.USER, ObjectAction.CREATE);
        return showForm(model, null, UserForm.empty(department), FormErrors.none(), FormErrors.none());
    }

    @PostMapping
    String create(@ModelAttribute UserForm form, Messages msg, Model model, RedirectAttributes redirect) {
        try {
            long id = admin.create(actor(), form);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "user.created");
            return "redirect:" + PATH + "/" + id;
        } catch (InvalidInputException e) {
            return showForm(model, null, form.withoutPassword(), FormErrors.of(e, msg), FormErrors.none());
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        UserAccount user = directory.find(actor(), id);
        return showForm(model, user, UserForm.of(user, roles.roleIdsOf(id)), FormErrors.none(), FormErrors.none());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute UserForm form, Messages msg, Model model,
                  RedirectAttributes redirect) {
        UserAccount user = directory.find(actor(), id);
        try {
            admin.update(actor(), id, form);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "user.saved");
            return "redirect:" + PATH + "/" + id;
        } catch (InvalidInputException e) {
            return showForm(model, user, withRoles(form, id), FormErrors.of(e, msg), FormErrors.none());
        } catch (ConflictException e) {
            return showForm(model, user, withRoles(form, id),
                    FormErrors.of(e, null, msg), FormErrors.none());
        }
    }

    @PostMapping("/{id}/status")
    String status(@PathVariable long id, @RequestParam UserStatus status, Messages msg, Model model,
                  RedirectAttributes redirect) {
        return sideAction(id, msg, model, redirect, "user.status-changed", () -> admin.changeStatus(actor(), id, status));
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password, Messages msg,
                         Model model, RedirectAttributes redirect) {
        return sideAction(id, msg, model, redirect, "user.password-reset", () -> admin.resetPassword(actor(), id, password));
    }

    @PostMapping("/{id}/roles")
    String setRoles(@PathVariable long id, @RequestParam(required = false) List<Long> roleIds, Messages msg,
                    Model model, RedirectAttributes redirect) {
        Set<Long> chosen = roleIds == null ? Set.of() : new HashSet<>(roleIds);
        return sideAction(id, msg, model, redirect, "user.roles-saved", () -> admin.setRoles(actor(), id, chosen));
    }

    private String sideAction(long id, Messages msg, Model model, RedirectAttributes redirect, String notice,
                              Runnable action) {
        UserAccount user = directory.find(actor(), id);
        try {
            action.run();
            redirect.addFlashAttribute(ShellFactory.NOTICE, notice);
            return "redirect:" + PATH + "/" + id;
        } catch (InvalidInputException e) {
            return showForm(model, user, UserForm.of(user, roles.roleIdsOf(id)), FormErrors.none(), FormErrors.of(e, msg));
        } catch (ConflictException e) {
            return showForm(model, user, UserForm.of(user, roles.roleIdsOf(id)), FormErrors.none(),
                    FormErrors.of(e, null, msg));
        }
    }

    private String showForm(Model model, UserAccount user, UserForm form, FormErrors errors, FormErrors actionErrors) {
        long actor = actor();
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("actionErrors", actionErrors);
        model.addAttribute("tree", new DepartmentTree(departments.all()));
        model.addAttribute("managers", directory.activeUsersVisibleTo(actor));
        model.addAttribute("roles", roles.all());
        model.addAttribute("self", user != null && user.id() == actor);
        model.addAttribute("canEdit", user == null || permissions.can(actor, OrgObjects.USER, ObjectAction.EDIT));
        model.addAttribute("canAssign", permissions.can(actor, OrgObjects.ROLE, ObjectAction.ASSIGN));
        // A resigned user's records wait for someone to take them over: the records' page of it is for administrators.
        model.addAttribute("canHandOver", user != null && user.status() == UserStatus.RESIGNED && permissions.isAdministrator(actor));
        return user == null ? "org/user-new" : "org/user-edit";
    }

    private UserForm withRoles(UserForm form, long id) {
        return new UserForm(form.username(), form.displayName(), form.email(), form.phone(), form.position(),
                form.departmentId(), form.managerId(), "", roles.roleIdsOf(id), form.version());
    }

    private long actor() {
        return users.require().id();
    }
}
