package io.haina.crm.platform.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every object the modules declare, by code. */
@Component
public class ObjectRegistry {

    private final List<ObjectDef> all;
    private final Map<String, ObjectDef> byCode;

    ObjectRegistry(ObjectProvider<ObjectDef> declared) {
        List<ObjectDef> objects = declared.orderedStream().toList();
        this.all = objects;
        this.byCode = objects.stream().collect(Collectors.toMap(ObjectDef::code, Function.identity()));
    }

    public List<ObjectDef> all() {
        return all;
    }

    public Optional<ObjectDef> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
