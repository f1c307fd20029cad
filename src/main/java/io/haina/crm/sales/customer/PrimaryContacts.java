package io.haina.crm.sales.customer;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.records.ChangeReason;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordEvent;
import io.haina.crm.platform.records.RecordHook;
import io.haina.crm.platform.records.RecordsMerged;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.web.InvalidInputException;

/**
 * A customer has exactly one primary contact (C2) once it has any: the one a salesperson calls
 * first and whose name the customer's page shows. The first contact of a customer becomes its
 * primary one; making another contact primary takes the mark from the previous one (written to
 * its history, so nobody wonders where it went); the mark is not taken away by hand, since that
 * would leave the customer without one; when the primary contact is deleted or moves to another
 * customer, the earliest-entered remaining contact takes over. A restore that leaves two primaries
 * keeps the earlier-entered one; a merge of customers keeps the kept customer's own.
 */
@Component
class PrimaryContacts implements RecordHook {

    static final String CUSTOMER = "customer_id";
    static final String PRIMARY = "is_primary";

    private final SystemRecords system;

    PrimaryContacts(SystemRecords system) {
        this.system = system;
    }

    @Override
    public String object() {
        return ContactObject.CODE;
    }

    @Override
    public void beforeSave(long actorId, RecordData current, Map<String, Object> values) {
        Long customer = id(values.containsKey(CUSTOMER) ? values.get(CUSTOMER) : current == null ? null : current.get(CUSTOMER));
        Long previousCustomer = current == null ? null : id(current.get(CUSTOMER));
        boolean wasPrimary = current != null && isTrue(current.get(PRIMARY));
        boolean joins = !Objects.equals(customer, previousCustomer);
        if (!joins && !values.containsKey(PRIMARY)) {
            return; // an edit of other fields: nothing to look up (imports update contacts by the thousand)
        }
        List<Long> otherPrimaries = customer == null ? List.of() : primariesOf(customer).stream()
                .filter(id -> current == null || id != current.id()).toList();
        boolean primary;
        if (joins) {
            // A new contact, or one moved here: primary if ticked, or if the customer has none yet.
            primary = isTrue(values.get(PRIMARY)) || otherPrimaries.isEmpty();
        } else {
            primary = values.containsKey(PRIMARY) ? isTrue(values.get(PRIMARY)) : wasPrimary;
            if (wasPrimary && !primary) {
                throw InvalidInputException.of(PRIMARY, "contact.primary.keep");
            }
        }
        if (current == null || primary != wasPrimary) {
            values.put(PRIMARY, primary);
        }
        if (primary && !otherPrimaries.isEmpty()) {
            system.change(ContactObject.CODE, otherPrimaries, PRIMARY, false, actorId,
                    ChangeReason.of("contact.reason.another-primary"));
        }
        if (joins && wasPrimary && previousCustomer != null) {
            promoteNext(previousCustomer, current.id(), actorId);
        }
    }

    @Override
    public void beforeDelete(long actorId, RecordData current) {
        Long customer = id(current.get(CUSTOMER));
        if (customer != null && isTrue(current.get(PRIMARY))) {
            promoteNext(customer, current.id(), actorId);
        }
    }

    /** A contact back from the recycle bin may find its customer with a primary contact already. */
    @EventListener
    void restored(RecordEvent.Restored event) {
        if (event.object().equals(ContactObject.CODE)) {
            system.read(ContactObject.CODE, event.recordId()).map(contact -> id(contact.get(CUSTOMER)))
                    .ifPresent(customer -> keepOne(customer, event.actorId()));
        }
    }

    /**
     * Two customers merged: the kept one now has the contacts of both, and maybe two primaries.
     * The kept customer's own primary contact stays so.
     */
    @EventListener
    void merged(RecordsMerged event) {
        if (event.object().equals(CustomerObject.CODE)) {
            List<Long> cameAlong = event.moved(ContactObject.CODE);
            keepOne(event.keptId(), event.actorId(), Comparator.comparing(cameAlong::contains));
        }
    }

    private void keepOne(long customer, long actorId) {
        keepOne(customer, actorId, Comparator.comparing(id -> 0));
    }

    /** Leaves the customer with one primary contact: the first of its primaries in the given order, then by entry. */
    private void keepOne(long customer, long actorId, Comparator<Long> preferred) {
        List<Long> primaries = primariesOf(customer).stream().sorted(preferred).toList();
        if (primaries.isEmpty()) {
            promoteNext(customer, null, actorId);
        } else if (primaries.size() > 1) {
            system.change(ContactObject.CODE, primaries.subList(1, primaries.size()), PRIMARY, false, actorId,
                    ChangeReason.of("contact.reason.another-primary"));
        }
    }

    private void promoteNext(long customer, Long leaving, long actorId) {
        system.referring(ContactObject.CODE, CUSTOMER, customer).stream().filter(id -> !id.equals(leaving)).findFirst()
                .ifPresent(next -> system.change(ContactObject.CODE, List.of(next), PRIMARY, true, actorId,
                        ChangeReason.of("contact.reason.primary-left")));
    }

    private List<Long> primariesOf(long customer) {
        return system.referring(ContactObject.CODE, CUSTOMER, customer, new SystemRecords.FieldValue(PRIMARY, true));
    }

    private static Long id(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }
}
