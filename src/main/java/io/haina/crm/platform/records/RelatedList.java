package io.haina.crm.platform.records;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A list of records of another object shown on a record's detail page: contacts of a customer,
 * opportunities of a contact. Declarative, so that the engine reads its rows itself, with the
 * reader's permissions: the rows of {@code childObject} that {@code filter} selects for the parent
 * record, in the {@link io.haina.crm.platform.records.filter.FilterParser filter language} (the
 * same text opens "view all" on the child's list page).
 *
 * @param key          unique among the lists of one object; letters, digits, {@code -} and {@code _} (it is in a URL)
 * @param titleKey     message key of its title, usually the child's plural name
 * @param qualifierKey message key telling two lists of the same child apart (the lookup field's label), or null
 * @param childObject  the object whose records it lists
 * @param columns      the child's fields shown beside the name (fields the reader may not see drop out)
 * @param filter       the filter selecting the parent's children, from the parent record
 * @param prefill      what a new child made from the list starts with (the lookup to the parent), from the parent record
 */
public record RelatedList(String key, String titleKey, String qualifierKey, String childObject, List<String> columns,
                          Function<RecordData, String> filter, Function<RecordData, Map<String, String>> prefill) {

    public RelatedList {
        if (!key.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new IllegalArgumentException("a related list's key goes in URLs and ids: " + key);
        }
        columns = List.copyOf(columns);
    }

    /** Its title in the reader's language: "联系人", or "商机（合作伙伴）" when a qualifier tells it apart. */
    public String title(io.haina.crm.platform.web.Messages msg) {
        return qualifierKey == null ? msg.t(titleKey) : msg.t("record.related.title-via", msg.t(titleKey), msg.t(qualifierKey));
    }
}
