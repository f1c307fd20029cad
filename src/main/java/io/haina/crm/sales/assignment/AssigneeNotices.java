package io.haina.crm.sales.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.notify.Notice;
import io.haina.crm.platform.notify.NoticeKind;
import io.haina.crm.platform.notify.Notifications;
import io.haina.crm.platform.records.RecordOwnerChanged;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.sales.pool.Pool;
import io.haina.crm.sales.pool.PoolDirectory;

/**
 * The one place that tells a lead's or customer's new owner, in the app and by e-mail, however
 * they got it: a transfer by hand or in bulk, an assignment rule or its escalation, an assignment
 * out of a pool. Nobody is told of what they did themselves (a claim, taking a record over).
 *
 * <p>Owner changes are gathered per transaction and told just before it commits, in it (so a
 * rollback tells nobody): one notice per record, or one per new owner and assigner for a bulk
 * change ("王经理 assigned you 37 leads") rather than 37 e-mails.
 */
@Component
public class AssigneeNotices {

    static final NoticeKind LEAD_ASSIGNED = NoticeKind.of("LEAD_ASSIGNED");
    static final NoticeKind CUSTOMER_ASSIGNED = NoticeKind.of("CUSTOMER_ASSIGNED");
    private static final Map<String, NoticeKind> KINDS = Map.of("lead", LEAD_ASSIGNED, "customer", CUSTOMER_ASSIGNED);

    private final Notifications notifications;
    private final Organization organization;
    private final SystemRecords system;
    private final ObjectRegistry objects;
    private final PoolDirectory pools;

    AssigneeNotices(Notifications notifications, Organization organization, SystemRecords system, ObjectRegistry objects,
                    PoolDirectory pools) {
        this.notifications = notifications;
        this.organization = organization;
        this.system = system;
        this.objects = objects;
        this.pools = pools;
    }

    @EventListener
    void onOwnerChanged(RecordOwnerChanged change) {
        if (!KINDS.containsKey(change.object()) || Objects.equals(change.actorId(), change.newOwnerId())) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            tell(List.of(change));
            return;
        }
        pending().changes.add(change);
    }

    /**
     * For a use case that tells the new owner in its own words, in the same transaction (a customer
     * transfer names the contacts, leads and tasks that came along): the owner changes it makes for
     * that receiver send no notice of their own, so the receiver gets one notice, not three.
     */
    public void toldByCaller(long receiverId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pending().toldByCaller.add(receiverId);
        }
    }

    /** The current transaction's gathered owner changes, registered to be told before it commits. */
    private Pending pending() {
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Pending.class::isInstance).map(Pending.class::cast).findFirst().orElseGet(() -> {
                    Pending fresh = new Pending();
                    TransactionSynchronizationManager.registerSynchronization(fresh);
                    return fresh;
                });
    }

    /**
     * One notice per new owner, object, assigner and pool: naming the record if there is one,
     * counting them if more. Only the last change of a record counts, and only if its new owner
     * still holds it at the end (a step undone to its savepoint tells nobody).
     */
    private void tell(List<RecordOwnerChanged> changes) {
        Map<List<Object>, RecordOwnerChanged> last = new LinkedHashMap<>();
        for (RecordOwnerChanged change : changes) {
            List<Object> record = List.of(change.object(), change.recordId());
            last.remove(record);
            last.put(record, change);
        }
        Map<String, Map<Long, Long>> owners = new HashMap<>();
        last.values().stream().collect(Collectors.groupingBy(RecordOwnerChanged::object,
                        Collectors.mapping(RecordOwnerChanged::recordId, Collectors.toList())))
                .forEach((object, ids) -> owners.put(object, system.ownersOf(object, ids)));
        Map<List<Object>, List<RecordOwnerChanged>> groups = new LinkedHashMap<>();
        for (RecordOwnerChanged change : last.values()) {
            if (Objects.equals(owners.get(change.object()).get(change.recordId()), change.newOwnerId())) {
                groups.computeIfAbsent(Arrays.asList(change.newOwnerId(), change.object(), change.actorId(),
                        change.fromPoolId()), k -> new ArrayList<>()).add(change);
            }
        }
        groups.values().forEach(this::tellOne);
    }

    private void tellOne(List<RecordOwnerChanged> group) {
        RecordOwnerChanged first = group.getFirst();
        String object = first.object();
        String by = first.actorId() == null ? null : organization.displayNameOf(first.actorId()).orElse("");
        Notice notice = Notice.to(first.newOwnerId(), KINDS.get(object)).alsoByEmail();
        if (group.size() > 1) {
            notice = (by == null ? notice.message(object + ".notice.assigned-many-automatically", group.size())
                    : notice.message(object + ".notice.assigned-many", group.size(), by)).link("/o/" + object);
        } else {
            String name = nameOf(object, first.recordId());
            String pool = first.fromPoolId() == null ? null : pools.find(first.fromPoolId()).map(Pool::name).orElse(null);
            if (by == null) {
                notice = notice.message(object + ".notice.assigned-automatically", name);
            } else if (pool != null) {
                notice = notice.message("pool.notice.assigned", by, name, pool);
            } else {
                notice = notice.message(object + ".notice.assigned", name, by);
            }
            notice = notice.link("/o/" + object + "/" + first.recordId());
        }
        notifications.send(notice);
    }

    private String nameOf(String object, long id) {
        String nameField = objects.find(object).orElseThrow().nameField();
        return system.read(object, id).map(r -> String.valueOf(r.get(nameField))).orElse("#" + id);
    }

    /** The owner changes of one transaction, told before it commits (but to those the caller tells itself). */
    private final class Pending implements TransactionSynchronization {
        private final List<RecordOwnerChanged> changes = new ArrayList<>();
        private final java.util.Set<Long> toldByCaller = new java.util.HashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            tell(changes.stream().filter(change -> !toldByCaller.contains(change.newOwnerId())).toList());
        }
    }
}
