package io.haina.crm.sales.customer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.activity.Tasks;
import io.haina.crm.platform.notify.Notice;
import io.haina.crm.platform.notify.NoticeKind;
import io.haina.crm.platform.notify.Notifications;
import io.haina.crm.platform.records.BulkChanges;
import io.haina.crm.platform.records.ChangeReason;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.sales.assignment.AssigneeNotices;

/**
 * Customer transfer (客户转移, C5): one or many customers go to another user in one step, and with
 * them, as chosen, what their previous owner kept of them — the contacts, the leads converted into
 * them, the open tasks about any of these. Each customer passes the engine's transfer (the TRANSFER
 * grant, and the customer within the actor's reach to change); what goes along moves as part of
 * it. Every record moved gets a history entry "transferred from A to B". All or nothing: an id the
 * actor may not transfer refuses the whole transfer. The receiving user gets one notice.
 */
@Service
@Transactional
public class CustomerTransfer {

    public static final NoticeKind TRANSFERRED = NoticeKind.of("CUSTOMERS_TRANSFERRED");

    /** What goes along with the customers. */
    public record Options(boolean contacts, boolean leads, boolean tasks) {

        public static final Options ALL = new Options(true, true, true);
    }

    /** How many of each moved. */
    public record Outcome(int customers, int contacts, int leads, int tasks) {
    }

    private final RecordService records;
    private final SystemRecords system;
    private final Tasks tasks;
    private final Permissions permissions;
    private final Organization organization;
    private final Notifications notifications;
    private final AssigneeNotices assigneeNotices;

    CustomerTransfer(RecordService records, SystemRecords system, Tasks tasks, Permissions permissions,
                     Organization organization, Notifications notifications, AssigneeNotices assigneeNotices) {
        this.assigneeNotices = assigneeNotices;
        this.records = records;
        this.system = system;
        this.tasks = tasks;
        this.permissions = permissions;
        this.organization = organization;
        this.notifications = notifications;
    }

    /** Whether the actor's roles let them transfer customers at all. */
    public boolean mayTransfer(long actorId) {
        return permissions.can(actorId, CustomerObject.CODE, ObjectAction.TRANSFER);
    }

    public Outcome transfer(long actorId, List<Long> customerIds, long toUserId, Options options) {
        permissions.require(actorId, CustomerObject.CODE, ObjectAction.TRANSFER);
        List<Long> chosen = new ArrayList<>(new LinkedHashSet<>(customerIds));
        if (chosen.isEmpty()) {
            throw InvalidInputException.of("ids", "bulk.error.none");
        }
        if (chosen.size() > BulkChanges.MAX_RECORDS) {
            throw InvalidInputException.of("ids", "bulk.error.too-many", BulkChanges.MAX_RECORDS);
        }
        if (!organization.isActiveUser(toUserId)) {
            throw InvalidInputException.of("toUserId", "customer.transfer.error.receiver");
        }
        String to = organization.displayNameOf(toUserId).orElseThrow();
        // The receiver gets this transfer's one notice below, not one per customer and lead moved.
        assigneeNotices.toldByCaller(toUserId);
        int customers = 0;
        int contacts = 0;
        int leads = 0;
        int taskCount = 0;
        for (long id : chosen) {
            RecordData before = readable(actorId, id);
            Long from = before.ownerId();
            if (Objects.equals(from, toUserId)) {
                continue;
            }
            String reason = from == null ? ChangeReason.of("record.reason.transferred-to", to)
                    : ChangeReason.of("record.reason.transferred", organization.displayNameOf(from).orElse("#" + from), to);
            try {
                records.transfer(actorId, CustomerObject.CODE, id, toUserId, reason);
            } catch (NotFoundException | AccessDeniedException | ConflictException e) {
                throw InvalidInputException.of(null, "bulk.error.unreachable", id);
            }
            customers++;
            if (from == null) {
                continue; // it sat in a pool: nobody kept anything of it
            }
            List<Long> movedContacts = options.contacts() ? moveAlong(ContactObject.CODE, "customer_id", id, from, toUserId, actorId, reason) : List.of();
            List<Long> movedLeads = options.leads() ? moveAlong("lead", "converted_customer_id", id, from, toUserId, actorId, reason) : List.of();
            contacts += movedContacts.size();
            leads += movedLeads.size();
            if (options.tasks()) {
                taskCount += tasks.handOver(CustomerObject.CODE, List.of(id), from, toUserId)
                        + tasks.handOver(ContactObject.CODE, movedContacts, from, toUserId)
                        + tasks.handOver("lead", movedLeads, from, toUserId);
            }
        }
        if (customers > 0 && toUserId != actorId) {
            notifications.send(Notice.to(toUserId, TRANSFERRED).message("customer.transfer.notice",
                    organization.displayNameOf(actorId).orElse(""), customers, contacts, leads, taskCount)
                    .link("/o/customer?scene=mine"));
        }
        return new Outcome(customers, contacts, leads, taskCount);
    }

    /** The customer as the actor sees it; one they may not see refuses the whole transfer, naming the id they sent. */
    private RecordData readable(long actorId, long id) {
        try {
            return records.read(actorId, CustomerObject.CODE, id);
        } catch (NotFoundException e) {
            throw InvalidInputException.of(null, "bulk.error.unreachable", id);
        }
    }

    /** The records of an object that point at the customer and that its previous owner kept, given to the new owner. */
    private List<Long> moveAlong(String objectCode, String lookupField, long customerId, long from, long to, long actorId,
                                 String reason) {
        List<Long> ids = system.ownedReferring(objectCode, lookupField, List.of(customerId), from);
        ids.forEach(id -> system.assign(objectCode, id, to, actorId, "TRANSFERRED", reason));
        return ids;
    }
}
