package io.haina.crm.platform.records;

/**
 * Published while a merge is under way, inside its transaction, once the engine has moved what it
 * keeps itself (the chosen values, the lookups of every object, the team, the history): modules
 * that point at records in their own tables (follow-ups and tasks by object and id, pool bookkeeping)
 * listen with a plain {@code @EventListener} and point them at the kept record. A listener that
 * throws undoes the whole merge, so nothing is left half-moved.
 *
 * @param kept   the kept record as the merge left it
 * @param merged the merged record as it was just before (now in the recycle bin)
 */
public record RecordsMerged(String object, long keptId, long mergedId, long actorId, RecordData kept, RecordData merged) {
}
