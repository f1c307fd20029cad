package io.haina.crm.platform.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The feed as RFC 5545 wants it: CRLF, folded at 75 octets without splitting a character, escaped text, UTC times. */
class ICalendarTextTest {

    static final Instant NOW = Instant.parse("2026-11-23T06:30:00Z");

    @Test
    void longChineseTextIsFoldedAt75OctetsAndUnfoldsToWhatWasWritten() {
        String summary = "跟进 北京海纳科技有限公司：上门演示新版本，客户关心价格、交付周期和售后服务，下周带技术同事再去一次";
        String text = new ICalendarText("王小明 · Haina CRM", NOW)
                .event("task-7@haina", Instant.parse("2026-11-24T02:00:00Z"), Duration.ofMinutes(30), summary,
                        "第一行\n第二行; 带分号, 和逗号\\", "https://crm.example.com/tasks/7", Duration.ofMinutes(15)).end();

        assertThat(text).endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        List<Map<String, String>> components = parse(text);
        Map<String, String> event = components.stream().filter(c -> "VEVENT".equals(c.get("BEGIN"))).findFirst().orElseThrow();
        assertThat(event.get("SUMMARY")).isEqualTo(summary);
        assertThat(event.get("DESCRIPTION")).isEqualTo("第一行\n第二行; 带分号, 和逗号\\");
        assertThat(event.get("DTSTART")).isEqualTo("20261124T020000Z");
        assertThat(event.get("DTEND")).isEqualTo("20261124T023000Z");
        assertThat(event.get("DTSTAMP")).isEqualTo("20261123T063000Z");
        assertThat(event.get("UID")).isEqualTo("task-7@haina");
        assertThat(components.stream().filter(c -> "VALARM".equals(c.get("BEGIN"))).findFirst().orElseThrow().get("TRIGGER"))
                .isEqualTo("-PT15M");
        assertThat(components.getFirst().get("VERSION")).isEqualTo("2.0");
        assertThat(components.getFirst().get("X-WR-CALNAME")).isEqualTo("王小明 · Haina CRM");
    }

    /**
     * A small reader of iCalendar text: unfolds lines (CRLF followed by a blank), splits each into
     * name and value, unescapes text, and groups properties by component (BEGIN … END).
     */
    static List<Map<String, String>> parse(String text) {
        String unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
        List<Map<String, String>> components = new ArrayList<>();
        List<Map<String, String>> open = new ArrayList<>();
        for (String line : unfolded.split("\r\n")) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).split(";")[0];
            String value = unescape(line.substring(colon + 1));
            if (name.equals("BEGIN")) {
                Map<String, String> component = new TreeMap<>();
                component.put("BEGIN", value);
                open.add(component);
                components.add(component);
            } else if (name.equals("END")) {
                assertThat(open.removeLast().get("BEGIN")).isEqualTo(value);
            } else {
                open.getLast().put(name, value);
            }
        }
        assertThat(open).as("every BEGIN has its END").isEmpty();
        return components;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                out.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
