package io.haina.crm.platform.records;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.files.FileHolder;
import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.files.StoredFiles;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.web.InputChecks;

/**
 * The files of attachment fields. A record's field holds file ids; saving it attaches the files
 * newly in it (only the saver's own uploads, or files the record already holds) and removes those
 * no longer in any of its fields, in the save's transaction. Who may download a record's file is
 * who may read the record and see the field ({@link RecordFileAccess}). Reads join the caller's
 * transaction and open none: every record list and detail asks for its files.
 */
@Service
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class RecordFiles {

    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private final StoredFiles files;

    RecordFiles(StoredFiles files) {
        this.files = files;
    }

    /** The ids an attachment field's value holds: a record's list, or the history's text ("[12,13]"). */
    public static List<Long> idsOf(Object value) {
        List<Long> ids = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> ids.addAll(idsOf(item)));
        } else if (value instanceof Number number) {
            ids.add(number.longValue());
        } else if (value != null) {
            Matcher digits = ID.matcher(value.toString());
            while (digits.find()) {
                ids.add(Long.parseLong(digits.group()));
            }
        }
        return ids;
    }

    /** The files in the attachment fields of records the reader has read, by id: their names, sizes and links. */
    public Map<Long, StoredFile> of(ObjectDef object, Collection<RecordData> records) {
        List<FieldDef> fields = attachmentFields(object);
        if (fields.isEmpty()) {
            return Map.of(); // most objects have none: every list and record read comes here
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (FieldDef field : fields) {
            records.forEach(record -> ids.addAll(idsOf(record.get(field.name()))));
        }
        return byId(files.describe(ids));
    }

    /**
     * The files a record form shows, of the ids it holds: those the record holds and the actor's own
     * uploads not attached yet (kept from a form sent back). Ids typed into a form by hand name nothing.
     */
    public Map<Long, StoredFile> forForm(long actorId, String objectCode, Long recordId, Collection<Long> ids) {
        FileHolder record = recordId == null ? null : FileHolder.record(objectCode, recordId, null);
        return byId(files.describe(ids).stream().filter(file -> !file.removed())
                .filter(file -> file.holder() == null ? file.createdBy() == actorId : file.holder().sameThing(record)).toList());
    }

    /** The files named in a record's history (removed ones too): those that were attached to records of the object. */
    public Map<Long, StoredFile> named(String objectCode, Collection<Long> ids) {
        return byId(files.describe(ids).stream().filter(file -> file.holder() != null
                && FileHolder.RECORD.equals(file.holder().kind()) && objectCode.equals(file.holder().object())).toList());
    }

    /** The most one file may have, as people read it ("20 MB"); and in bytes. */
    public String maxSizeText() {
        return files.maxSizeText();
    }

    public long maxBytes() {
        return files.maxBytes();
    }

    /** Adds a refusal for an attachment field holding files the actor may not attach to this record. */
    void check(long actorId, ObjectDef object, Map<String, Object> values, RecordData current, InputChecks checks) {
        for (FieldDef field : attachmentFields(object)) {
            if (values.containsKey(field.name())) {
                FileHolder holder = current == null ? null : FileHolder.record(object.code(), current.id(), field.name());
                if (!files.refused(actorId, holder, idsOf(values.get(field.name()))).isEmpty()) {
                    checks.add(field.name(), "validation.attachment");
                }
            }
        }
    }

    /** After a save: the files in the written fields are the record's, those no longer in any field are removed. */
    @Transactional
    void sync(long actorId, ObjectDef object, long recordId, RecordData current, Map<String, Object> values) {
        Set<Long> before = new LinkedHashSet<>();
        Set<Long> after = new LinkedHashSet<>();
        for (FieldDef field : attachmentFields(object)) {
            List<Long> now = idsOf(values.containsKey(field.name()) ? values.get(field.name())
                    : current == null ? null : current.get(field.name()));
            if (values.containsKey(field.name())) {
                files.attach(actorId, FileHolder.record(object.code(), recordId, field.name()), now, field.name());
            }
            after.addAll(now);
            if (current != null) {
                before.addAll(idsOf(current.get(field.name())));
            }
        }
        before.removeAll(after);
        files.remove(FileHolder.record(object.code(), recordId, null), before);
    }

    /** A merge: the files of the merged record that the kept record takes (fields chosen from the other) become the kept one's. */
    @Transactional
    void adopt(ObjectDef object, long mergedId, long keptId, Map<String, Object> chosen) {
        for (FieldDef field : attachmentFields(object)) {
            if (chosen.containsKey(field.name())) {
                files.move(FileHolder.record(object.code(), mergedId, null), FileHolder.record(object.code(), keptId, field.name()),
                        idsOf(chosen.get(field.name())));
            }
        }
    }

    private static List<FieldDef> attachmentFields(ObjectDef object) {
        return object.fields().stream().filter(f -> f.type() instanceof FieldType.Attachment).toList();
    }

    private static Map<Long, StoredFile> byId(List<StoredFile> list) {
        Map<Long, StoredFile> byId = new LinkedHashMap<>();
        list.forEach(file -> byId.put(file.id(), file));
        return byId;
    }
}
