package io.haina.crm.platform.security;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** All objects declared by the modules, in role-editor order. */
@Component
public class SecuredObjects {

    private final List<SecuredObject> all;
    private final Map<String, SecuredObject> byCode;

    SecuredObjects(List<SecuredObject> objects) {
        this.all = objects.stream().sorted(Comparator.comparingInt(SecuredObject::order)).toList();
        this.byCode = objects.stream().collect(Collectors.toMap(SecuredObject::code, Function.identity()));
    }

    public List<SecuredObject> all() {
        return all;
    }

    public Optional<SecuredObject> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
