package io.haina.crm.sales.lead;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.activity.FollowUpsOn;
import io.haina.crm.platform.activity.Tasks;
import io.haina.crm.platform.records.ChangeReason;
import io.haina.crm.platform.records.EntryChannel;
import io.haina.crm.platform.records.PossibleDuplicate;
import io.haina.crm.platform.records.PossibleDuplicates;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InvalidInputException;

/**
 * A lead becomes a customer and a contact (L6): the fields carry over as mapped, the customers it
 * may repeat are shown first so the rep can attach it to one instead, and the lead is marked
 * converted with links to what it became. All in one transaction, as the rep: they need the
 * grant to create customers and contacts, and an existing customer must be one they may see.
 * Both histories tell it: the lead's says who converted it when and into which customer, the
 * customer's which lead it came from.
 */
@Service
@Transactional
public class LeadConversion {

    /** The lead's history action: what it became is in the entry's changes. */
    static final String CONVERTED = "CONVERTED";
    /** The customer's history action, with the lead by name as its reason. */
    static final String CONVERTED_FROM_LEAD = "CONVERTED_FROM_LEAD";

    private final RecordService records;
    private final SystemRecords system;
    private final PossibleDuplicates duplicates;
    private final Tasks tasks;
    private final LeadConversionMapping mapping;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadConversion(RecordService records, SystemRecords system, PossibleDuplicates duplicates, LeadConversionMapping mapping,
                   Tasks tasks, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.tasks = tasks;
        this.system = system;
        this.duplicates = duplicates;
        this.mapping = mapping;
        this.events = events;
        this.clock = clock;
    }

    /** What converting would write: the new customer's and contact's fields, and the customers it may repeat. */
    @Transactional(readOnly = true)
    public Preview preview(long actorId, long leadId) {
        RecordData lead = records.read(actorId, LeadObject.CODE, leadId);
        Map<String, String> customer = mapped(lead, "customer");
        return new Preview(lead, customer, mapped(lead, "contact"), duplicates.find(actorId, "customer", customer, null));
    }

    /**
     * Converts the lead: into a new customer, or attached to {@code existingCustomerId}; with a
     * contact when {@code withContact}. A lead already converted, or one the rep may not change,
     * is refused and nothing is written.
     */
    public LeadConverted convert(long actorId, long leadId, Long existingCustomerId, boolean withContact) {
        RecordData lead = records.requireChangeable(actorId, LeadObject.CODE, leadId);
        if ("converted".equals(lead.get("status"))) {
            throw new ConflictException("lead.convert.already");
        }
        if (lead.ownerId() == null) {
            // A lead waiting in a pool is claimed first: whoever converts it owns it and its customer.
            throw new ConflictException("lead.convert.in-pool");
        }
        long customerId;
        if (existingCustomerId != null) {
            customerId = records.read(actorId, "customer", existingCustomerId).id();
        } else {
            Map<String, String> customer = mapped(lead, "customer");
            if (customer.getOrDefault("name", "").isBlank()) {
                throw InvalidInputException.of("company", "lead.convert.company-required");
            }
            customerId = records.create(actorId, "customer", customer, EntryChannel.DERIVED).id();
        }
        Long contactId = null;
        if (withContact) {
            Map<String, String> contact = mapped(lead, "contact");
            contact.put("customer_id", String.valueOf(customerId));
            contact.put("is_primary", String.valueOf(existingCustomerId == null));
            contactId = records.create(actorId, "contact", contact, EntryChannel.DERIVED).id();
        }
        Map<String, Object> converted = new LinkedHashMap<>();
        converted.put("status", "converted");
        converted.put("converted_customer_id", customerId);
        converted.put("converted_contact_id", contactId);
        converted.put("converted_at", OffsetDateTime.now(clock));
        // The lead is done: its follow-ups go on at the customer, so no longer due here.
        converted.put(FollowUpsOn.NEXT, null);
        system.change(LeadObject.CODE, leadId, actorId, CONVERTED, converted);
        Object leadName = lead.get("name");
        system.note("customer", customerId, actorId, CONVERTED_FROM_LEAD, existingCustomerId == null
                ? ChangeReason.of("lead.reason.became-customer", leadName) : ChangeReason.of("lead.reason.joined-customer", leadName));
        // Open tasks about the lead are now about the customer, where the rep works from.
        tasks.carryOpenOver(LeadObject.CODE, leadId, "customer", customerId);
        LeadConverted event = new LeadConverted(leadId, customerId, contactId, existingCustomerId == null, actorId);
        events.publishEvent(event);
        return event;
    }

    /** The lead's values as input for the target object, by the mapping (blank values left out). */
    private Map<String, String> mapped(RecordData lead, String targetObject) {
        Map<String, String> input = new LinkedHashMap<>();
        mapping.of(targetObject).forEach((target, source) -> {
            Object value = source == null ? null : lead.get(source);
            if (value != null) {
                input.put(target, asInput(value));
            }
        });
        return input;
    }

    /** A stored value as a form would send it (lists comma-separated). */
    private static String asInput(Object value) {
        return value instanceof List<?> list ? String.join("/", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
    }

    /** What a conversion would create, and what it may repeat. */
    public record Preview(RecordData lead, Map<String, String> customer, Map<String, String> contact,
                          List<PossibleDuplicate> possibleDuplicates) {
    }
}
