package io.haina.crm.platform.activity;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.records.HandoverPart;

/** A leaving user's open tasks go to whoever takes over their records (done tasks stay theirs, as history). */
@Component
class OpenTasksHandover implements HandoverPart {

    private final TaskRepository tasks;
    private final Clock clock;

    OpenTasksHandover(TaskRepository tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public String code() {
        return "task";
    }

    @Override
    public String labelKey() {
        return "handover.part.open-tasks";
    }

    @Override
    public int count(long userId) {
        return tasks.countOpen(userId);
    }

    @Override
    public int handOver(long fromUserId, long toUserId, long actorId) {
        return tasks.reassignAllOpen(fromUserId, toUserId, OffsetDateTime.now(clock));
    }
}
