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
 * @param moved  the records of other objects whose lookups the engine moved from the merged record
 *               to the kept one, by object code (a customer's contacts)
 */
public record RecordsMerged(String object, long keptId, long mergedId, long actorId, RecordData kept, RecordData merged,
                            java.util.Map<String, java.util.List<Long>> moved) {

    public RecordsMerged {
        moved = java.util.Map.copyOf(moved);
    }

    /** The records of one object that came along from the merged record. */
    public java.util.List<Long> moved(String objectCode) {
        return moved.getOrDefault(objectCode, java.util.List.of());
    }
}
