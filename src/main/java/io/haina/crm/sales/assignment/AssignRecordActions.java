package io.haina.crm.sales.assignment;

import java.util.List;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.records.RecordAction;
import io.haina.crm.platform.records.RecordActionSource;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;

/**
 * An "assign" button on an owned lead's page, for whoever may give it to someone else: the
 * TRANSFER grant on leads (as the list's bulk change of owner asks) and the lead within their
 * reach to change. A lead in a pool is assigned from the pool instead; a customer is transferred
 * with what belongs to it by the customers' own transfer.
 */
@Component
class AssignRecordActions implements RecordActionSource {


    private final Permissions permissions;
    private final RecordService records;

    AssignRecordActions(Permissions permissions, RecordService records) {
        this.permissions = permissions;
        this.records = records;
    }

    @Override
    public List<RecordAction> actionsFor(long actorId, RecordData record) {
        if (!record.object().equals(AssignmentRules.LEAD) || record.ownerId() == null
                || !permissions.can(actorId, record.object(), ObjectAction.TRANSFER)
                || !records.mayChange(actorId, record.object(), record.id())) {
            return List.of();
        }
        return List.of(new RecordAction("assign", "assignment.assign", "person-check",
                "/assign/" + record.object() + "/" + record.id(), false));
    }
}
