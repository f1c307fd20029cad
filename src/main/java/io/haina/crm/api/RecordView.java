package io.haina.crm.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.haina.crm.platform.files.FileView;
import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.LookupNames;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFiles;

/**
 * A record as the API writes it: bookkeeping, then every field the caller sees by its name (a
 * lookup as the id of its target, as clients send it back; an attachment field as its files, each
 * {@code {id, name, size, contentType, url}}, sent back as the files or their ids), then {@value #DISPLAY}: for each lookup
 * holding a value, its target's name, or null when the caller may not see the target (or it is
 * gone). Field names start with a letter, so {@value #DISPLAY} never meets one, and a client that
 * sends a record back as it read it may leave it in (it is ignored).
 */
final class RecordView {

    static final String DISPLAY = "_display";

    private final ObjectDef object;
    private final LookupNames names;
    private final Map<Long, StoredFile> files;

    RecordView(ObjectDef object, LookupNames names, Map<Long, StoredFile> files) {
        this.object = object;
        this.names = names;
        this.files = files;
    }

    Map<String, Object> of(RecordData record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", record.id());
        view.put("version", record.version());
        view.put("ownerId", record.ownerId());
        view.put("createdAt", record.createdAt());
        view.put("updatedAt", record.updatedAt());
        view.putAll(record.values());
        Map<String, String> display = new LinkedHashMap<>();
        for (FieldDef field : object.fields()) {
            if (field.type() instanceof FieldType.Attachment) {
                view.put(field.name(), RecordFiles.idsOf(record.get(field.name())).stream().map(files::get)
                        .filter(java.util.Objects::nonNull).map(FileView::of).toList());
            }
            if (field.type() instanceof FieldType.Lookup lookup && record.get(field.name()) instanceof Long id) {
                display.put(field.name(), names.of(lookup.targetObject(), id).orElse(null));
            }
        }
        if (!display.isEmpty()) {
            view.put(DISPLAY, display);
        }
        return view;
    }
}
