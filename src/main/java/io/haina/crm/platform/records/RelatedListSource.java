package io.haina.crm.platform.records;

import java.util.List;

import io.haina.crm.platform.metadata.ObjectDef;

/**
 * Contributes related lists to the detail pages of records (A7, C8). Declare one as a bean. The
 * engine already derives a list from every lookup field pointing at an object
 * ({@link LookupRelatedLists}); a module adds others here (the contracts of a customer's
 * opportunities, say). Lists are asked for on every detail page, so this must not read records:
 * {@link RelatedRecords} reads the rows later, when the page asks for them.
 */
public interface RelatedListSource {

    /** The lists for records of {@code parent} that the actor may see (none for an object it does not serve). */
    List<RelatedList> listsFor(long actorId, ObjectDef parent);
}
