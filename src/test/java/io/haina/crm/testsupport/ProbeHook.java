package io.haina.crm.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordEvent;
import io.haina.crm.platform.records.RecordHook;
import io.haina.crm.platform.web.InvalidInputException;

/**
 * A business rule on products for tests of the hook mechanism, idle unless a test arms it: when
 * armed it refuses products whose unit is "禁止", fills in a unit when none is given, and keeps
 * the events the engine published.
 */
public class ProbeHook implements RecordHook {

    private volatile boolean armed;
    private final List<RecordEvent> events = new ArrayList<>();

    public void arm() {
        armed = true;
    }

    public void disarm() {
        armed = false;
        synchronized (events) {
            events.clear();
        }
    }

    public List<RecordEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public String object() {
        return "product";
    }

    @Override
    public void beforeSave(long actorId, RecordData current, Map<String, Object> values) {
        if (!armed) {
            return;
        }
        if ("禁止".equals(values.get("unit"))) {
            throw InvalidInputException.of("unit", "validation.required");
        }
        if (current == null && values.get("unit") == null) {
            values.put("unit", "件");
        }
    }

    @EventListener
    void on(RecordEvent event) {
        if (armed) {
            synchronized (events) {
                events.add(event);
            }
        }
    }
}
