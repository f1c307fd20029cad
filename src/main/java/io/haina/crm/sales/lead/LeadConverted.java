package io.haina.crm.sales.lead;

/**
 * Published when a lead has become a customer (new or existing) and, where asked, a contact:
 * later modules (opportunities, campaigns' ROI) listen for it.
 */
public record LeadConverted(long leadId, long customerId, Long contactId, boolean newCustomer, long actorId) {
}
