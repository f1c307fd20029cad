package io.haina.crm.platform.web;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The workbench every user lands on: a greeting and the places they may open. */
@Controller
class HomeController {

    private final Clock clock;
    private final ShellContext context;

    HomeController(Clock clock, ShellContext context) {
        this.clock = clock;
        this.context = context;
    }

    @GetMapping("/")
    String home(Model model) {
        ZoneId zone = context.currentShellUser().map(ShellUser::timeZone).orElse(clock.getZone());
        int hour = LocalTime.now(clock.withZone(zone)).getHour();
        model.addAttribute("greetingKey", hour < 12 ? "home.greeting.morning" : hour < 18 ? "home.greeting.afternoon"
                : "home.greeting.evening");
        return "home/home";
    }

    @Configuration(proxyBeanMethods = false)
    static class HomeNavigation {
        @Bean
        NavItem homeNavItem() {
            return new NavItem(NavItem.Section.WORKSPACE, "nav.home", "house", "/", null, 0);
        }
    }
}
