package io.haina.crm.platform.activity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collections;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.records.RecordsReturnedToPool;
import io.haina.crm.platform.records.SystemRecords;

/**
 * Records back in a pool (see {@link RecordsReturnedToPool}) leave their previous owner's plans
 * behind: the open tasks the previous owner had about them are cancelled — they no longer own the
 * record, and a reminder would send them after a customer a colleague may claim tomorrow — and the
 * record's next follow-up time is cleared, so that it is due in nobody's inbox and whoever claims
 * it sets their own. Tasks other people have about the record stay (a manager's, say). The
 * follow-ups themselves, and the cancelled tasks, stay on the record's timeline.
 */
@Component
class ReturnedRecordActivity {

    private final TaskRepository tasks;
    private final SystemRecords system;
    private final ObjectRegistry objects;
    private final Clock clock;

    ReturnedRecordActivity(TaskRepository tasks, SystemRecords system, ObjectRegistry objects, Clock clock) {
        this.tasks = tasks;
        this.system = system;
        this.objects = objects;
        this.clock = clock;
    }

    @EventListener
    void on(RecordsReturnedToPool returned) {
        tasks.cancelOpen(returned.object(), returned.previousOwners(), OffsetDateTime.now(clock));
        if (objects.find(returned.object()).flatMap(o -> o.field(FollowUpsOn.NEXT)).isPresent()) {
            system.stamp(returned.object(), returned.previousOwners().keySet(), Collections.singletonMap(FollowUpsOn.NEXT, null));
        }
    }
}
