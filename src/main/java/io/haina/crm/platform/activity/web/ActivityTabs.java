package io.haina.crm.platform.activity.web;

import java.util.List;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordTab;
import io.haina.crm.platform.records.RecordTabSource;

/** The timeline tab, first on the detail page of every record that takes follow-ups. */
@Component
class ActivityTabs implements RecordTabSource {

    private final FollowUps followUps;

    ActivityTabs(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public List<RecordTab> tabsFor(long actorId, ObjectDef object) {
        if (!followUps.takesFollowUps(object.code())) {
            return List.of();
        }
        return List.of(new RecordTab("timeline", "timeline.tab", "clock-history",
                record -> TimelineController.timelinePath(object.code(), record.id()), true));
    }
}
