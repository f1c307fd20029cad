package io.haina.crm.platform.records;

import java.util.List;
import java.util.Map;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;

/**
 * The first rows of one related list for one record, as the reader may see them.
 *
 * @param list    what the list is
 * @param child   the child object as the reader sees it (its name field names each row)
 * @param columns the columns beside the name, those of the list the reader may see
 * @param rows    the first rows, newest first, and how many there are in all (up to the count cap)
 * @param filter  the filter text selecting all of them on the child's list page
 * @param prefill the values a new child starts with
 */
public record RelatedListPage(RelatedList list, ObjectDef child, List<FieldDef> columns, RecordPage rows, String filter,
                              Map<String, String> prefill) {
}
