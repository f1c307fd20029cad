package io.haina.crm.platform.notify.web;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.haina.crm.platform.notify.inbox.Inbox;
import io.haina.crm.platform.notify.inbox.InboxPage;
import io.haina.crm.platform.notify.inbox.StoredNotice;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;

/**
 * The bell's menu (an htmx fragment, loaded when it opens) and the notifications page, both of the
 * signed-in user's own notices only. Opening a notice marks it read and goes where it links.
 */
@Controller
class NotificationController {

    static final String PAGE = "/notifications";
    static final String MENU = "/notifications/menu";
    static final String READ_ALL = "/notifications/read-all";

    private final Inbox inbox;
    private final CurrentUsers users;
    private final Clock clock;

    NotificationController(Inbox inbox, CurrentUsers users, Clock clock) {
        this.inbox = inbox;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "1") int page,
                Messages msg, Model model) {
        CurrentUser me = users.require();
        InboxPage found = inbox.page(me.id(), unread, page);
        model.addAttribute("page", found);
        model.addAttribute("items", items(found.notices(), me, msg));
        model.addAttribute("unreadCount", inbox.unreadCount(me.id()));
        return "notify/page";
    }

    @GetMapping(MENU)
    String menu(Messages msg, Model model) {
        CurrentUser me = users.require();
        model.addAttribute("items", items(inbox.latest(me.id()), me, msg));
        model.addAttribute("unreadCount", inbox.unreadCount(me.id()));
        return "notify/menu";
    }

    /**
     * A GET, so that a notice opens in a new tab too. Marking one's own notice read is the only
     * effect, the same however often it happens.
     */
    @GetMapping(PAGE + "/{id}/open")
    String open(@PathVariable long id) {
        StoredNotice notice = inbox.open(users.require().id(), id);
        return "redirect:" + (notice.link() == null ? PAGE : notice.link());
    }

    @PostMapping(PAGE + "/{id}/read")
    String read(@PathVariable long id, @RequestParam(defaultValue = "false") boolean unread,
                @RequestParam(defaultValue = "1") int page) {
        inbox.markRead(users.require().id(), id);
        return "redirect:" + pageHref(unread, page);
    }

    @PostMapping(READ_ALL)
    String readAll(@RequestHeader(value = "HX-Request", required = false) String htmx, Messages msg, Model model,
                   RedirectAttributes redirect) {
        inbox.markAllRead(users.require().id());
        if (htmx != null) {
            return menu(msg, model);
        }
        redirect.addFlashAttribute(ShellFactory.NOTICE, "notify.all-read");
        return "redirect:" + PAGE;
    }

    static String pageHref(boolean unread, int page) {
        return PAGE + "?unread=" + unread + (page > 1 ? "&page=" + page : "");
    }

    private List<NoticeItem> items(List<StoredNotice> notices, CurrentUser me, Messages msg) {
        return notices.stream().map(n -> NoticeItem.of(n, msg, clock.instant(), me.timeZone())).toList();
    }
}
