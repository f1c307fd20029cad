package io.haina.crm.platform.records.pages;

import java.util.List;
import java.util.Map;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.ListAction;
import io.haina.crm.platform.records.RecordPage;
import io.haina.crm.platform.records.Scene;
import io.haina.crm.platform.records.views.ListView;

/**
 * What the list page shows: the records, the state that produced them, the saved views to switch
 * to, and what the filter builder and column picker offer.
 *
 * @param filterRows  the filter as builder rows, or null when it is too deep for rows (text box only)
 * @param filterError why the filter was refused, in the reader's language, or null
 * @param fields      the fields the reader may filter, sort and show, system fields last
 */
public record ListPage(ObjectDef object, String base, ListState state, RecordPage page, boolean firstPage,
                List<FieldDef> columns, List<FieldDef> fields, List<ListView> views, ListView currentView,
                boolean viewChanged, boolean mayManageView, FilterRows filterRows, String filterError,
                Map<Long, String> users, Map<Long, String> roles, boolean administrator, boolean canCreate,
                boolean canImport, boolean canExport, boolean canEdit, boolean canTransfer, boolean canDelete,
                FieldDisplay display, List<ListAction> listActions) {

    /** Whether rows can be ticked for a change to many at once. */
    public boolean bulk() {
        return engineBulk() || !listActions.isEmpty();
    }

    /** Whether the engine's own bulk changes (owner, a field, delete) offer any to this reader. */
    public boolean engineBulk() {
        return canEdit || ownerChange() || canDelete;
    }

    /** The engine's plain owner change, unless a module's list action stands in for it (a transfer with related records). */
    public boolean ownerChange() {
        return canTransfer && listActions.stream().noneMatch(ListAction::replacesOwnerChange);
    }

    /** The fields a bulk change may set: editable ones that take a single typed value. */
    public List<FieldDef> bulkFields() {
        return object.fields().stream().filter(f -> f.access().editable() && !isName(f)
                && !(f.type() instanceof io.haina.crm.platform.metadata.FieldType.AutoNumber)
                && !(f.type() instanceof io.haina.crm.platform.metadata.FieldType.Attachment)).toList();
    }

    /** The export of exactly what the list shows (scene, search, filter, sort), in a format. */
    public String exportUrl(String format) {
        String url = state.url(base + "/export");
        return url + (url.contains("?") ? "&" : "?") + "format=" + format;
    }

    /** Whether a filter narrows the list (the filter panel opens, and offers to clear it). */
    public boolean filtered() {
        return !state.filter().isEmpty();
    }

    /** Whether anything narrows the list: a filter, a quick search or a scene other than "all I can see". */
    public boolean narrowed() {
        return filtered() || !state.q().isEmpty() || state.scene() != Scene.ALL;
    }

    /** How many conditions the filter has, as the filter button's badge counts them (a text-only filter counts one). */
    public int filterConditions() {
        return filterRows == null ? (filtered() ? 1 : 0) : filterRows.rows().size();
    }

    public List<Scene> scenes() {
        return List.of(Scene.values());
    }

    public boolean showing(FieldDef field) {
        return columns.stream().anyMatch(c -> c.name().equals(field.name()));
    }

    public boolean isName(FieldDef field) {
        return field.name().equals(object.nameField());
    }
}
