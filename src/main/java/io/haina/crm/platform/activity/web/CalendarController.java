package io.haina.crm.platform.activity.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.haina.crm.platform.activity.CalendarFeeds;
import io.haina.crm.platform.activity.FollowUp;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.activity.ICalendarText;
import io.haina.crm.platform.activity.Task;
import io.haina.crm.platform.activity.Tasks;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.ShellFactory;

/**
 * The calendar (日程): the user's tasks (by due time) and follow-ups (by when they happened), a
 * month or a week at a time, drawn on the server as a grid; and the private iCal feed of the same,
 * for a phone's calendar app, at {@code /ical/{secret}.ics}.
 */
@Controller
class CalendarController {

    static final String PATH = "/calendar";
    static final Duration FEED_PAST = Duration.ofDays(60);
    static final Duration FEED_FUTURE = Duration.ofDays(365);
    static final Duration EVENT_LENGTH = Duration.ofMinutes(30);

    private final Tasks tasks;
    private final FollowUps followUps;
    private final CalendarFeeds feeds;
    private final CurrentUsers users;
    private final Organization organization;
    private final Clock clock;

    CalendarController(Tasks tasks, FollowUps followUps, CalendarFeeds feeds, CurrentUsers users, Organization organization,
                       Clock clock) {
        this.tasks = tasks;
        this.followUps = followUps;
        this.feeds = feeds;
        this.users = users;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String calendar(@RequestParam(defaultValue = "month") String view, @RequestParam(required = false) String date,
                    Messages msg, Model model) {
        CurrentUser me = users.require();
        TimeText time = new TimeText(msg, me.timeZone(), OffsetDateTime.now(clock));
        boolean week = view.equals("week");
        LocalDate shown = parse(date, time.today());
        LocalDate first = week ? shown.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : shown.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = week ? first.plusDays(6)
                : shown.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        model.addAttribute("days", days(me, first, last, shown, week, time));
        model.addAttribute("week", week);
        model.addAttribute("shown", shown);
        model.addAttribute("previous", week ? shown.minusWeeks(1) : shown.minusMonths(1).withDayOfMonth(1));
        model.addAttribute("next", week ? shown.plusWeeks(1) : shown.plusMonths(1).withDayOfMonth(1));
        model.addAttribute("today", time.today());
        model.addAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/ical/" + feeds.secretOf(me.id()) + ".ics").toUriString());
        return "activity/calendar";
    }

    /** A new feed URL; the old one stops working. */
    @PostMapping(PATH + "/feed")
    String renewFeed(RedirectAttributes redirect) {
        feeds.renew(users.require().id());
        redirect.addFlashAttribute(ShellFactory.NOTICE, "calendar.feed-renewed");
        return "redirect:" + PATH + "#feed";
    }

    /** The feed; "not found" for an unknown or replaced secret, as for any missing page. */
    @GetMapping("/ical/{secret}.ics")
    ResponseEntity<String> feed(@PathVariable String secret) {
        long owner = feeds.ownerOf(secret).orElseThrow(() -> new io.haina.crm.platform.web.NotFoundException("calendar feed"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        ICalendarText ical = new ICalendarText(organization.displayNameOf(owner).orElse("") + " · Haina CRM", now.toInstant());
        for (Task task : tasks.dueBetween(owner, now.minus(FEED_PAST), now.plus(FEED_FUTURE))) {
            ical.event("task-" + task.id() + "@haina", task.dueAt().toInstant(), EVENT_LENGTH, (task.done() ? "✓ " : "") + task.title(),
                    task.description(), base + "/tasks/" + task.id(),
                    task.remindAt() == null || task.done() ? null : Duration.between(task.remindAt(), task.dueAt()));
        }
        for (FollowUp followUp : followUps.writtenBetween(owner, now.minus(FEED_PAST), now.plusDays(1))) {
            ical.event("follow-up-" + followUp.id() + "@haina", followUp.at().toInstant(), EVENT_LENGTH,
                    followUp.content().lines().findFirst().orElse(""), followUp.content(),
                    base + "/o/" + followUp.objectCode() + "/" + followUp.recordId(), null);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "private, max-age=300").body(ical.end());
    }

    private List<CalendarDay> days(CurrentUser me, LocalDate first, LocalDate last, LocalDate shown, boolean week, TimeText time) {
        ZoneId zone = me.timeZone();
        OffsetDateTime from = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime until = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<LocalDate, List<CalendarDay.Entry>> byDay = new LinkedHashMap<>();
        for (Task task : tasks.dueBetween(me.id(), from, until)) {
            byDay.computeIfAbsent(day(task.dueAt(), zone), d -> new ArrayList<>()).add(new CalendarDay.Entry(
                    time.clock(task.dueAt()), task.title(), "/tasks/" + task.id(), "task", task.done(), task.overdue(time.now())));
        }
        for (FollowUp followUp : followUps.writtenBetween(me.id(), from, until)) {
            byDay.computeIfAbsent(day(followUp.at(), zone), d -> new ArrayList<>()).add(new CalendarDay.Entry(
                    time.clock(followUp.at()), followUp.content().lines().findFirst().orElse(""),
                    "/o/" + followUp.objectCode() + "/" + followUp.recordId() + "#follow-up-" + followUp.id(),
                    followUp.kind().code(), true, false));
        }
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            List<CalendarDay.Entry> entries = byDay.getOrDefault(d, List.of()).stream()
                    .sorted(java.util.Comparator.comparing(CalendarDay.Entry::time)).toList();
            days.add(new CalendarDay(d, week || d.getMonth() == shown.getMonth(), d.equals(time.today()), entries));
        }
        return days;
    }

    private static LocalDate day(OffsetDateTime moment, ZoneId zone) {
        return moment.atZoneSameInstant(zone).toLocalDate();
    }

    private static LocalDate parse(String date, LocalDate today) {
        try {
            return date == null ? today : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return today;
        }
    }
}
