package io.haina.crm.platform.records;

import java.util.List;

import io.haina.crm.platform.metadata.ObjectDef;

/**
 * Contributes tabs to the detail pages of records; declare one as a bean. Asked on every detail
 * page, so it decides from the object and the actor alone, without reading records.
 */
public interface RecordTabSource {

    /** The tabs records of {@code object} show the actor (none for an object it does not serve). */
    List<RecordTab> tabsFor(long actorId, ObjectDef object);
}
