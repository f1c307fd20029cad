package io.haina.crm.platform.records;

import java.util.List;

/** What a module may do with many records of a list at once, offered in the list's bulk bar to those it allows. */
public interface ListActionSource {

    List<ListAction> actionsFor(long actorId, io.haina.crm.platform.metadata.ObjectDef object);
}
