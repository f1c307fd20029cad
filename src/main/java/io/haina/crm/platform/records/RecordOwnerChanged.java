package io.haina.crm.platform.records;

/**
 * A live record got a new owner, whatever the path: a transfer by hand or in bulk, an assignment
 * rule, a claim or an assignment out of a pool. Published within the writing transaction (after
 * the change), so that one listener can tell every new owner — see the sales module's assignee
 * notices — instead of each path telling them its own way.
 *
 * @param object          the object's code
 * @param recordId        the record
 * @param previousOwnerId who owned it before; {@code null} when it sat in a pool
 * @param newOwnerId      who owns it now
 * @param actorId         who made the change; {@code null} when Haina did by a rule
 * @param fromPoolId      the pool it was taken out of, or {@code null}
 */
public record RecordOwnerChanged(String object, long recordId, Long previousOwnerId, long newOwnerId, Long actorId,
                                 Long fromPoolId) {
}
