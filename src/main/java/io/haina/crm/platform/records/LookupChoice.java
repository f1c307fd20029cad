package io.haina.crm.platform.records;

import java.util.Objects;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.ObjectDef;

/** A record a lookup field may point at, as its typeahead offers it: the name, and a code (or e-mail, phone) to tell namesakes apart. */
public record LookupChoice(long id, String name, String detail) {

    static LookupChoice of(ObjectDef object, RecordData record) {
        String detail = object.fields().stream()
                .filter(f -> !f.name().equals(object.nameField()) && RecordFinder.identifies(f))
                .map(FieldDef::name).map(record::get).filter(Objects::nonNull).map(Object::toString)
                .findFirst().orElse(null);
        return new LookupChoice(record.id(), Objects.toString(record.get(object.nameField()), "#" + record.id()), detail);
    }
}
