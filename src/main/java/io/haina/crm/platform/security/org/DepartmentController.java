package io.haina.crm.platform.security.org;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.platform.web.ShellFactory;

/** The department tree and each department's page (rename, move, delete, members). */
@Controller
@RequestMapping(DepartmentController.PATH)
class DepartmentController {

    static final String PATH = "/org/departments";

    private final DepartmentService service;
    private final DepartmentRepository departments;
    private final UserDirectory directory;
    private final CurrentUsers users;
    private final Permissions permissions;

    DepartmentController(DepartmentService service, DepartmentRepository departments, UserDirectory directory,
                         CurrentUsers users, Permissions permissions) {
        this.service = service;
        this.departments = departments;
        this.directory = directory;
        this.users = users;
        this.permissions = permissions;
    }

    @GetMapping
    String tree(Model model) {
        return showTree(model, null, "", FormErrors.none());
    }

    @PostMapping
    String create(@RequestParam(required = false) Long parentId, @RequestParam(defaultValue = "") String name,
                  Messages msg, Model model, RedirectAttributes redirect) {
        try {
            long id = service.create(actor(), parentId, name);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "department.created");
            return "redirect:" + PATH + "#department-" + id;
        } catch (InvalidInputException e) {
            return showTree(model, parentId, name, FormErrors.of(e, msg));
        } catch (ConflictException e) {
            return showTree(model, parentId, name, FormErrors.of(e, "name", msg));
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return showDetail(model, id, null, FormErrors.none());
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable long id, @RequestParam int version, @RequestParam(defaultValue = "") String name,
                  Messages msg, Model model, RedirectAttributes redirect) {
        try {
            service.rename(actor(), id, version, name);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "department.renamed");
            return "redirect:" + PATH + "/" + id;
        } catch (InvalidInputException e) {
            return showDetail(model, id, name, FormErrors.of(e, msg));
        } catch (ConflictException e) {
            return showDetail(model, id, name, FormErrors.of(e, "name", msg));
        }
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Long parentId,
                Messages msg, Model model, RedirectAttributes redirect) {
        try {
            service.move(actor(), id, version, parentId);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "department.moved");
            return "redirect:" + PATH + "/" + id;
        } catch (ConflictException e) {
            return showDetail(model, id, null, FormErrors.of(e, "parentId", msg));
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Messages msg, Model model, RedirectAttributes redirect) {
        try {
            service.delete(actor(), id);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "department.deleted");
            return "redirect:" + PATH;
        } catch (ConflictException e) {
            return showDetail(model, id, null, FormErrors.of(e, null, msg));
        }
    }

    private String showTree(Model model, Long parentId, String name, FormErrors errors) {
        long actor = actor();
        model.addAttribute("tree", service.tree(actor));
        model.addAttribute("counts", departments.activeMemberCounts());
        model.addAttribute("canCreate", permissions.can(actor, OrgObjects.DEPARTMENT, ObjectAction.CREATE));
        model.addAttribute("parentId", parentId);
        model.addAttribute("name", name);
        model.addAttribute("errors", errors);
        return "org/departments";
    }

    private String showDetail(Model model, long id, String name, FormErrors errors) {
        long actor = actor();
        DepartmentTree tree = service.tree(actor);
        Department department = departments.find(id).orElseThrow(() -> new NotFoundException("department " + id));
        model.addAttribute("department", department);
        model.addAttribute("tree", tree);
        model.addAttribute("name", name == null ? department.name() : name);
        model.addAttribute("members", directory.visibleMembersOf(actor, id));
        model.addAttribute("canEdit", permissions.can(actor, OrgObjects.DEPARTMENT, ObjectAction.EDIT));
        model.addAttribute("canDelete", permissions.can(actor, OrgObjects.DEPARTMENT, ObjectAction.DELETE));
        model.addAttribute("errors", errors);
        return "org/department";
    }

    private long actor() {
        return users.require().id();
    }
}
