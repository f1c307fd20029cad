package io.haina.crm.platform.records;

import java.util.List;

import io.haina.crm.platform.metadata.ObjectDef;

/** Contributes {@link RowAction}s to list pages; declare one as a bean. Decides without reading records. */
public interface RowActionSource {

    /** The actions rows of {@code object} offer the actor (none for an object it does not serve). */
    List<RowAction> actionsFor(long actorId, ObjectDef object);
}
