package io.haina.crm.platform.activity.web;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.haina.crm.platform.activity.TodoInbox;
import io.haina.crm.platform.activity.TodoReader;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.Messages;

/** The to-do inbox {@code /todo} (待办), and the count beside its entry in the navigation. */
@Controller
class TodoController {

    static final String PATH = "/todo";
    static final String BADGE = PATH + "/badge";

    private final TodoInbox inbox;
    private final CurrentUsers users;
    private final Clock clock;

    TodoController(TodoInbox inbox, CurrentUsers users, Clock clock) {
        this.inbox = inbox;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String inbox(Messages msg, Model model) {
        CurrentUser me = users.require();
        TodoReader reader = reader(me);
        model.addAttribute("lists", inbox.listsFor(reader));
        model.addAttribute("time", new TimeText(msg, me.timeZone(), reader.now()));
        return "activity/todo";
    }

    @GetMapping(BADGE)
    String badge(Model model) {
        model.addAttribute("count", inbox.urgentCount(reader(users.require())));
        return "activity/todo-badge";
    }

    private TodoReader reader(CurrentUser me) {
        return new TodoReader(me.id(), me.timeZone(), OffsetDateTime.now(clock));
    }
}
