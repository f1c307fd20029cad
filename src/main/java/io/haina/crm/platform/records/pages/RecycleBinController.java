package io.haina.crm.platform.records.pages;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.records.DeletedRecord;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.RecycleBinPage;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NavItem;
import io.haina.crm.platform.web.ShellFactory;

/**
 * The recycle bin (A15): administrators see the deleted records of every object, newest first,
 * and bring one back. Who may do so is decided by the record engine, not here.
 */
@Controller
@RequestMapping(RecycleBinController.PATH)
class RecycleBinController {

    static final String PATH = "/admin/recycle-bin";
    static final String RESTORE_ERROR = "restoreError";
    static final int PAGE_SIZE = 20;

    private final RecordFinder finder;
    private final RecordService records;
    private final ObjectRegistry objects;
    private final Organization organization;
    private final CurrentUsers users;

    RecycleBinController(RecordFinder finder, RecordService records, ObjectRegistry objects, Organization organization,
                         CurrentUsers users) {
        this.finder = finder;
        this.records = records;
        this.objects = objects;
        this.organization = organization;
        this.users = users;
    }

    @GetMapping
    String list(@RequestParam(required = false) String object, @RequestParam(required = false) String cursor,
                Messages msg, Model model) {
        CurrentUser me = users.require();
        RecycleBinPage page = finder.deleted(me.id(), object, cursor, PAGE_SIZE);
        Map<Long, String> names = page.items().stream().map(DeletedRecord::deletedBy).filter(Objects::nonNull).distinct()
                .collect(Collectors.toMap(Function.identity(), by -> organization.displayNameOf(by).orElse("#" + by)));
        model.addAttribute("page", page);
        model.addAttribute("objects", objects.all());
        model.addAttribute("object", object == null ? "" : object);
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        model.addAttribute("names", names);
        model.addAttribute("display", new FieldDisplay(msg, me.timeZone()));
        if (!model.containsAttribute(RESTORE_ERROR)) {
            model.addAttribute(RESTORE_ERROR, null);
        }
        return "records/recycle-bin";
    }

    /**
     * Restores a record. The one expected refusal: a unique value (a product code) that another
     * record took while this one was in the bin; the message names the record and the field.
     */
    @PostMapping("/{object}/{id}/restore")
    String restore(@PathVariable String object, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                   @RequestParam(defaultValue = "") String filter, Messages msg, RedirectAttributes redirect) {
        String shown = name.isBlank() || name.length() > 200 ? "#" + id : name;
        try {
            records.restore(users.require().id(), object, id);
            redirect.addFlashAttribute(ShellFactory.NOTICE, "recycle.restored");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(RESTORE_ERROR, takenMessage(e, object, shown, msg));
        }
        return "redirect:" + UriComponentsBuilder.fromPath(PATH).queryParamIfPresent("object",
                java.util.Optional.of(filter).filter(f -> !f.isBlank())).build().encode().toUriString();
    }

    private String takenMessage(InvalidInputException e, String object, String name, Messages msg) {
        ObjectDef def = objects.find(object).orElseThrow();
        return e.problems().stream().map(InvalidInputException.FieldProblem::field).filter(Objects::nonNull)
                .flatMap(field -> def.field(field).stream()).findFirst()
                .map(field -> msg.t("recycle.error.taken", name, msg.t(field.labelKey())))
                .orElseGet(() -> msg.t("recycle.error.conflict", name));
    }

    @Configuration(proxyBeanMethods = false)
    static class RecycleBinNavigation {
        @Bean
        NavItem recycleBinNavItem() {
            return new NavItem(NavItem.Section.ADMIN, "nav.recycle-bin", "trash3", PATH, "admin", 95);
        }
    }
}
