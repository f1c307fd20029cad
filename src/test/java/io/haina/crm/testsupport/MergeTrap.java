package io.haina.crm.testsupport;

import org.springframework.context.event.EventListener;

import io.haina.crm.platform.records.RecordsMerged;

/**
 * A module answering a merge that fails, for tests that a failed merge leaves nothing half-done:
 * idle unless a test arms it, then it throws when a merge is announced (after the engine has
 * already moved its part, and whatever other listeners moved theirs).
 */
public class MergeTrap {

    private volatile boolean armed;

    public void arm() {
        armed = true;
    }

    public void disarm() {
        armed = false;
    }

    @EventListener
    void on(RecordsMerged merged) {
        if (armed) {
            throw new IllegalStateException("a module failed to move its part of merge " + merged.mergedId() + " → " + merged.keptId());
        }
    }
}
