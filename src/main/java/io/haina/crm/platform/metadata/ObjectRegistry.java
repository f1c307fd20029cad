package io.haina.crm.platform.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every object the modules declare, by code, as it stands now: the Java declaration with the
 * administrators' changes laid over it (custom fields, wording, order, options).
 */
@Component
public class ObjectRegistry {

    private final List<ObjectDef> declared;
    private final Map<String, ObjectDef> declaredByCode;
    private final MetadataStore store;
    private volatile Effective effective = new Effective(null, Map.of());

    /** The objects as laid over one snapshot (compared by identity: each load is a new snapshot). */
    private record Effective(MetadataSnapshot snapshot, Map<String, ObjectDef> byCode) {
    }

    ObjectRegistry(ObjectProvider<ObjectDef> declared, MetadataStore store) {
        this.declared = declared.orderedStream().toList();
        this.declaredByCode = this.declared.stream().collect(Collectors.toMap(ObjectDef::code, Function.identity()));
        this.store = store;
    }

    public List<ObjectDef> all() {
        Map<String, ObjectDef> now = current();
        return declared.stream().map(d -> now.get(d.code())).toList();
    }

    public Optional<ObjectDef> find(String code) {
        return Optional.ofNullable(current().get(code));
    }

    /** The object as its module declares it, without administrators' changes (for the customization pages). */
    public Optional<ObjectDef> declared(String code) {
        return Optional.ofNullable(declaredByCode.get(code));
    }

    private Map<String, ObjectDef> current() {
        MetadataSnapshot changes = store.current();
        Effective known = effective;
        if (known.snapshot() != changes) {
            known = new Effective(changes, declared.stream()
                    .collect(Collectors.toUnmodifiableMap(ObjectDef::code, d -> ObjectOverlay.apply(d, changes))));
            effective = known;
        }
        return known.byCode();
    }
}
