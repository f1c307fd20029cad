package io.haina.crm.sales.lead;

import java.util.List;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.records.RecordAction;
import io.haina.crm.platform.records.RecordActionSource;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;

/** A lead's "convert" button, for an owned lead not yet converted, offered to whoever may create customers. */
@Component
class LeadRecordActions implements RecordActionSource {

    private final Permissions permissions;

    LeadRecordActions(Permissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public List<RecordAction> actionsFor(long actorId, RecordData record) {
        if (!record.object().equals(LeadObject.CODE) || record.ownerId() == null || "converted".equals(record.get("status"))
                || !permissions.can(actorId, "customer", ObjectAction.CREATE)) {
            return List.of();
        }
        return List.of(new RecordAction("convert", "lead.convert", "arrow-right-circle", "/leads/" + record.id() + "/convert", false));
    }
}
