package io.haina.crm.marketing;

/**
 * A web form created a lead. Published in the transaction that created it, after the engine's
 * own {@code RecordEvent.Created}, so that assignment rules can tell a lead that came from a form
 * (and which one) from a lead typed in by hand.
 *
 * @param leadId  the lead created
 * @param formId  the form it came through
 * @param ownerId the form's owner, who owns the lead for now
 * @param source  the lead source the form records (a code of the lead's source picklist)
 */
public record WebFormLeadCreated(long leadId, long formId, long ownerId, String source) {
}
