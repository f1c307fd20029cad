package io.haina.crm.platform.records.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import io.haina.crm.platform.records.RelatedListPage;
import io.haina.crm.platform.records.RelatedRecords;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.Messages;

/**
 * One related list of a record's detail page, fetched by the page once the list comes into view
 * (htmx), so that the page itself never waits for its related records.
 */
@Controller
@RequestMapping(RecordPagesController.PATH + "/{object}/{id}/related")
class RelatedListController {

    static final String FRAGMENT = "records/related-list";

    private final RelatedRecords related;
    private final CurrentUsers users;
    private final Permissions permissions;
    private final Organization organization;

    RelatedListController(RelatedRecords related, CurrentUsers users, Permissions permissions, Organization organization) {
        this.related = related;
        this.users = users;
        this.permissions = permissions;
        this.organization = organization;
    }

    @GetMapping("/{key}")
    String list(@PathVariable String object, @PathVariable long id, @PathVariable String key, Messages msg, Model model) {
        CurrentUser me = users.require();
        RelatedListPage page = related.load(me.id(), object, id, key);
        model.addAttribute("page", page);
        model.addAttribute("canCreate", permissions.can(me.id(), page.child().code(), ObjectAction.CREATE));
        model.addAttribute("display", new FieldDisplay(msg, me.timeZone()).withUsers(organization.activeUsers()));
        return FRAGMENT;
    }
}
