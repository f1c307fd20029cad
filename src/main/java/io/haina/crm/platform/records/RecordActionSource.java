package io.haina.crm.platform.records;

import java.util.List;

/**
 * What a module may do with a record beyond editing it, offered on the record's page. Asked
 * with the record as the reader sees it; the action's own endpoint checks again when used.
 */
public interface RecordActionSource {

    List<RecordAction> actionsFor(long actorId, RecordData record);
}
