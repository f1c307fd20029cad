package io.haina.crm.platform.activity.web;

import java.util.List;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RowAction;
import io.haina.crm.platform.records.RowActionSource;

/** "Follow up" on every row of a list of records that take follow-ups: the form in a dialog. */
@Component
class FollowUpRowAction implements RowActionSource {

    private final FollowUps followUps;

    FollowUpRowAction(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public List<RowAction> actionsFor(long actorId, ObjectDef object) {
        if (!followUps.takesFollowUps(object.code())) {
            return List.of();
        }
        return List.of(new RowAction("follow-up", "follow-up.quick", "chat-left-text",
                record -> TimelineController.followUpsPath(object.code(), record.id()) + "/new"));
    }
}
