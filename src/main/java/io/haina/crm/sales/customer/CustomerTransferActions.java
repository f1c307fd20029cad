package io.haina.crm.sales.customer;

import java.util.List;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.ListAction;
import io.haina.crm.platform.records.ListActionSource;
import io.haina.crm.platform.records.RecordAction;
import io.haina.crm.platform.records.RecordActionSource;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;

/**
 * "Transfer" for whoever may transfer customers: on an owned customer's page, and in the bulk bar
 * of the customer list, where it stands in for the plain owner change (a transfer also takes the
 * contacts, leads and tasks along, and says why in each record's history).
 */
@Component
class CustomerTransferActions implements RecordActionSource, ListActionSource {

    /** The transfer dialog's path; the customers go as {@code ids} parameters. */
    static final String PATH = "/customers/transfer";

    private final CustomerTransfer transfer;
    private final RecordService records;

    CustomerTransferActions(CustomerTransfer transfer, RecordService records) {
        this.transfer = transfer;
        this.records = records;
    }

    @Override
    public List<RecordAction> actionsFor(long actorId, RecordData record) {
        if (!record.object().equals(CustomerObject.CODE) || record.ownerId() == null || !transfer.mayTransfer(actorId)
                || !records.mayChange(actorId, record.object(), record.id())) {
            return List.of();
        }
        return List.of(new RecordAction("transfer", "customer.transfer", "arrow-left-right", PATH + "?ids=" + record.id(), false));
    }

    @Override
    public List<ListAction> actionsFor(long actorId, ObjectDef object) {
        if (!object.code().equals(CustomerObject.CODE) || !transfer.mayTransfer(actorId)) {
            return List.of();
        }
        return List.of(new ListAction("transfer", "customer.transfer", "arrow-left-right", PATH, true));
    }
}
