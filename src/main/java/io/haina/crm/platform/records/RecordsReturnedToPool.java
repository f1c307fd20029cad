package io.haina.crm.platform.records;

import java.util.Map;

/**
 * Records went back to a pool and have no owner any more, by a user's hand or a rule's (one event
 * for a whole nightly sweep). Published inside the writing transaction, after the change, so that
 * modules keeping something for the previous owner about these records let it go with them: the
 * activity module cancels the previous owner's open tasks and clears the next follow-up time.
 *
 * @param object         the object's code
 * @param poolId         the pool they went to
 * @param previousOwners each record's id with the owner it had
 */
public record RecordsReturnedToPool(String object, long poolId, Map<Long, Long> previousOwners) {

    public RecordsReturnedToPool {
        previousOwners = Map.copyOf(previousOwners);
    }
}
